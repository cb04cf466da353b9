using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>
/// Speaks to one family of recorders: who it is, an optional vendor handshake before its storage
/// appears, and its clock. Every reply from a recorder is untrusted input.
/// </summary>
public interface IRecorderAdapter
{
    /// <summary>The name used in Dock:Hardware:RecorderModels:n:Adapter.</summary>
    string Name { get; }

    /// <summary>True when the device shows no storage until <see cref="HandshakeAsync"/> has run.</summary>
    bool NeedsHandshake { get; }

    /// <summary>The recorder's identity from its USB descriptors (and what a handshake learnt).</summary>
    RecorderIdentity Identify(UsbDeviceInfo device, AdapterHandshake? handshake);

    /// <summary>Logs in, reads the device id, sets the clock when asked, and switches the recorder to mass storage.</summary>
    Task<AdapterHandshake> HandshakeAsync(UsbDeviceInfo device, DateTimeOffset? setClockTo, CancellationToken cancellationToken);

    /// <summary>The recorder's clock, or null when this adapter cannot read it.</summary>
    Task<DateTimeOffset?> ReadClockAsync(UsbDeviceInfo device, CancellationToken cancellationToken);

    /// <summary>Sets the recorder's clock; false when this adapter cannot.</summary>
    Task<bool> SetClockAsync(UsbDeviceInfo device, DateTimeOffset now, CancellationToken cancellationToken);
}
