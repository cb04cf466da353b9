namespace DockGateway.Device.Hardware.Usb;

/// <summary>A USB device as sysfs describes it (the directory holding idVendor, idProduct, serial …).</summary>
/// <param name="Port">The port path, the USB device directory's name: 1-1.3 is bus 1, port 1 then port 3.</param>
public sealed record UsbDeviceInfo(
    string Port,
    ushort VendorId,
    ushort ProductId,
    string? Serial,
    string? Manufacturer,
    string? Product,
    string SysPath)
{
    /// <summary>VID:PID in lower-case hex, as lsusb prints it.</summary>
    public string Model => $"{VendorId:x4}:{ProductId:x4}";

    public int Bus => int.Parse(Port.AsSpan(0, Port.IndexOf('-', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The port numbers after the bus (1-1.3 gives 1, 3), as libusb_get_port_numbers returns them.</summary>
    public IReadOnlyList<byte> PortNumbers => Port[(Port.IndexOf('-', StringComparison.Ordinal) + 1)..]
        .Split('.')
        .Select(p => byte.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
        .ToArray();
}
