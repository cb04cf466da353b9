using System.Globalization;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// Reads USB storage from sysfs: /sys/block/sdX is a link into /sys/devices; walking up from the
/// block device the first directory with idVendor and idProduct is the USB device, and its name is
/// the port path. The root is configurable so tests run on a fake tree (FakeSysfs).
/// </summary>
public sealed class SysfsUsbScanner(string sysfsRoot, string devRoot)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sysfsRoot));

    /// <summary>The service's scanner, over Dock:Hardware:SysfsRoot and Dock:Hardware:DevRoot.</summary>
    public SysfsUsbScanner(IOptions<DockHardwareOptions> options)
        : this(options.Value.SysfsRoot, options.Value.DevRoot)
    {
    }

    /// <summary>Every USB mass-storage disk present now.</summary>
    public IReadOnlyList<UsbStorageDevice> ScanStorage()
    {
        var blocks = Path.Combine(_root, "block");
        if (!Directory.Exists(blocks))
        {
            return [];
        }

        var found = new List<UsbStorageDevice>();
        foreach (var link in Directory.EnumerateFileSystemEntries(blocks, "sd*").Order(StringComparer.Ordinal))
        {
            var device = ReadStorage(link);
            if (device is not null)
            {
                found.Add(device);
            }
        }

        return found;
    }

    /// <summary>Every USB device (not interface, not root hub) present now, from /sys/bus/usb/devices.</summary>
    public IReadOnlyList<UsbDeviceInfo> ScanUsbDevices()
    {
        var devices = Path.Combine(_root, "bus", "usb", "devices");
        if (!Directory.Exists(devices))
        {
            return [];
        }

        return Directory.EnumerateFileSystemEntries(devices)
            .Where(p => UsbPortPath.IsValid(Path.GetFileName(p)))
            .Select(p => ReadUsbDevice(Resolve(p)))
            .OfType<UsbDeviceInfo>()
            .OrderBy(d => d.Port, StringComparer.Ordinal)
            .ToArray();
    }

    private UsbStorageDevice? ReadStorage(string link)
    {
        var block = Resolve(link);
        if (!Directory.Exists(block))
        {
            return null;
        }

        UsbDeviceInfo? usb = null;
        for (var dir = Path.GetDirectoryName(block); dir is not null && dir.Length > _root.Length; dir = Path.GetDirectoryName(dir))
        {
            usb = ReadUsbDevice(dir);
            if (usb is not null)
            {
                break;
            }
        }

        if (usb is null)
        {
            return null;
        }

        var name = Path.GetFileName(link);
        var partitions = Directory.EnumerateDirectories(block, name + "*")
            .Where(p => File.Exists(Path.Combine(p, "partition")))
            .Select(p => (Name: Path.GetFileName(p), Number: Attribute(p, "partition")))
            .OrderBy(p => int.TryParse(p.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .Select(p => Path.Combine(devRoot, p.Name))
            .ToArray();
        return new UsbStorageDevice(name, usb, Path.Combine(devRoot, name), partitions, Attribute(block, "ro") == "1");
    }

    private static UsbDeviceInfo? ReadUsbDevice(string dir)
    {
        var port = Path.GetFileName(dir);
        if (!UsbPortPath.IsValid(port)
            || !ushort.TryParse(Attribute(dir, "idVendor"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var vendor)
            || !ushort.TryParse(Attribute(dir, "idProduct"), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var product))
        {
            return null;
        }

        return new UsbDeviceInfo(
            port, vendor, product, Printable(Attribute(dir, "serial")), Printable(Attribute(dir, "manufacturer")), Printable(Attribute(dir, "product")), dir);
    }

    /// <summary>A sysfs attribute, trimmed, limited to 256 characters; null when absent or unreadable.</summary>
    private static string? Attribute(string dir, string name)
    {
        try
        {
            var path = Path.Combine(dir, name);
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new StreamReader(path);
            var buffer = new char[256];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            var text = new string(buffer, 0, read).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>USB strings come from the device: keep printable ASCII only.</summary>
    private static string? Printable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var kept = new string(text.Where(c => c is >= ' ' and <= '~').ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    private static string Resolve(string path)
    {
        try
        {
            var target = new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target?.FullName ?? Path.GetFullPath(path);
        }
        catch (IOException)
        {
            return path;
        }
    }
}
