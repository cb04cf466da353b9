using System.Text.RegularExpressions;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>The syntax of a USB port path (bus-port[.port…]), as sysfs names USB device directories.</summary>
public static partial class UsbPortPath
{
    public static bool IsValid(string? port) => port is not null && Pattern().IsMatch(port);

    [GeneratedRegex(@"^[0-9]{1,3}-[0-9]{1,3}(\.[0-9]{1,3}){0,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
