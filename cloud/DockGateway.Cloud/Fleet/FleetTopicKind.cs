namespace DockGateway.Cloud.Fleet;

/// <summary>Which of a dock's topics a message came on.</summary>
public enum FleetTopicKind
{
    /// <summary><c>&lt;root&gt;/&lt;agency&gt;/&lt;dock&gt;/status</c> (retained; the will sets it offline).</summary>
    Status,

    /// <summary><c>&lt;root&gt;/&lt;agency&gt;/&lt;dock&gt;/slots/&lt;n&gt;</c> (retained).</summary>
    Slot,

    /// <summary><c>&lt;root&gt;/&lt;agency&gt;/&lt;dock&gt;/events</c> (QoS 1).</summary>
    Events,
}
