namespace DockGateway.Device.Hardware.Adapters;

/// <summary>Bulk transfers on one claimed interface of one USB device (libusb, or a simulated recorder in tests).</summary>
public interface IUsbTransport : IDisposable
{
    /// <summary>Writes to the bulk OUT endpoint; returns the bytes sent.</summary>
    int Write(ReadOnlySpan<byte> data, TimeSpan timeout);

    /// <summary>Reads from the bulk IN endpoint; returns the bytes received, or 0 on timeout.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout);
}
