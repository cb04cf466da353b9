using System.Globalization;

namespace DockGateway.Device.Status;

/// <summary>The dock's topics: <c>&lt;root&gt;/&lt;agency&gt;/&lt;dock&gt;/status</c>, <c>…/slots/&lt;n&gt;</c>, <c>…/events</c>.</summary>
public sealed class DockTopics(string root, string agency, string dockId)
{
    public DockTopics(DockStatusOptions options)
        : this(options.TopicRoot, options.Agency, options.DockId)
    {
    }

    public string Base { get; } = $"{root}/{agency}/{dockId}";

    /// <summary>Retained dock status; the will sets it offline.</summary>
    public string Status => $"{Base}/status";

    /// <summary>QoS 1 event stream, fed from the outbox.</summary>
    public string Events => $"{Base}/events";

    /// <summary>Retained state of one slot.</summary>
    public string Slot(int slot) => $"{Base}/slots/{slot.ToString(CultureInfo.InvariantCulture)}";
}
