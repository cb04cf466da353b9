using System.Text;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// A kernel uevent as sent on NETLINK_KOBJECT_UEVENT: "ACTION@DEVPATH\0KEY=VALUE\0…".
/// udev's re-broadcasts (starting "libudev\0") are not kernel events and are ignored.
/// </summary>
public sealed record Uevent(string Action, string DevPath, IReadOnlyDictionary<string, string> Properties)
{
    public string? Subsystem => Properties.GetValueOrDefault("SUBSYSTEM");

    /// <summary>Whether the event can change which USB storage is present.</summary>
    public bool ConcernsUsbStorage => Subsystem is "block" or "usb" or "scsi" || Subsystem is null;

    public static Uevent? Parse(ReadOnlySpan<byte> message)
    {
        var header = message.IndexOf((byte)0);
        var first = header < 0 ? message : message[..header];
        var at = first.IndexOf((byte)'@');
        if (at <= 0 || first.StartsWith("libudev"u8))
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = header < 0 ? [] : message[(header + 1)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)0);
            var field = end < 0 ? rest : rest[..end];
            var equals = field.IndexOf((byte)'=');
            if (equals > 0)
            {
                properties[Encoding.UTF8.GetString(field[..equals])] = Encoding.UTF8.GetString(field[(equals + 1)..]);
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return new Uevent(Encoding.UTF8.GetString(first[..at]), Encoding.UTF8.GetString(first[(at + 1)..]), properties);
    }
}
