using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Mounting;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>What the USB slot source remembers between scans.</summary>
internal sealed class SlotTracking
{
    /// <summary>A device the source has reported, by port; BlockName null for a device seen only as USB (vendor mode).</summary>
    public sealed record Seated(int Slot, string? BlockName, MountedVolume? Volume);

    /// <summary>A completed vendor handshake, waiting for the storage it unlocks to appear on the same port.</summary>
    public sealed record Handshaken(IRecorderAdapter Adapter, AdapterHandshake Result, DateTimeOffset At);

    public Dictionary<string, Seated> ByPort { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Handshaken> Handshakes { get; } = new(StringComparer.Ordinal);

    /// <summary>Unmapped ports already logged, so each is logged once per plug-in.</summary>
    public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);
}
