using System.Globalization;

namespace DockGateway.Testing.Volumes;

/// <summary>
/// A fake sysfs tree (and /dev folder) that mirrors a Raspberry Pi 4's layout, where USB hangs off
/// the VL805 controller on PCIe:
/// <code>
/// sys/block/sda -> ../devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/
///                  usb1/1-1/1-1.3/1-1.3:1.0/host0/target0:0:0/0:0:0:0/block/sda
/// sys/devices/…/usb1/1-1           the VL805's internal hub (2109:3431)
/// sys/devices/…/usb1/1-1/1-1.3     the recorder: idVendor, idProduct, serial, manufacturer, product
/// sys/devices/…/block/sda/{ro,size,sda1/partition}
/// sys/bus/usb/devices/1-1.3 -> ../../../devices/…/usb1/1-1/1-1.3
/// dev/sda1 -> the image file standing in for the partition (dev/sda for a superfloppy)
/// </code>
/// </summary>
public sealed class FakeSysfs
{
    private const string Controller = "devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0";
    private int _hosts;

    public FakeSysfs(string root)
    {
        Sys = Path.Combine(root, "sys");
        Dev = Path.Combine(root, "dev");
        Directory.CreateDirectory(Path.Combine(Sys, "block"));
        Directory.CreateDirectory(Path.Combine(Sys, "bus", "usb", "devices"));
        Directory.CreateDirectory(Dev);
        foreach (var loop in new[] { "loop0", "mmcblk0" })
        {
            // non-USB block devices a Pi has: must be ignored
            var dir = Directory.CreateDirectory(Path.Combine(Sys, "devices", "virtual", "block", loop)).FullName;
            File.WriteAllText(Path.Combine(dir, "ro"), "0\n");
            File.CreateSymbolicLink(Path.Combine(Sys, "block", loop), $"../devices/virtual/block/{loop}");
        }
    }

    public string Sys { get; }

    public string Dev { get; }

    /// <summary>Plugs a USB device (no storage yet) into <paramref name="port"/> (1-1.3), creating the hubs above it.</summary>
    public string AddUsbDevice(string port, ushort vendorId, ushort productId, string? serial, string? manufacturer = null, string? product = null)
    {
        var dash = port.IndexOf('-', StringComparison.Ordinal);
        var bus = port[..dash];
        var path = Path.Combine(Sys, Controller, $"usb{bus}");
        var chain = port[(dash + 1)..].Split('.');
        var name = bus + "-";
        for (var i = 0; i < chain.Length; i++)
        {
            name += (i == 0 ? string.Empty : ".") + chain[i];
            path = Path.Combine(path, name);
            if (i < chain.Length - 1 && !Directory.Exists(path))
            {
                WriteDevice(path, name, 0x2109, 0x3431, null, "VIA Labs, Inc.", "USB2.0 Hub");
            }
        }

        WriteDevice(path, port, vendorId, productId, serial, manufacturer, product);
        return path;
    }

    /// <summary>Adds the SCSI disk the device's storage shows as, with a /dev node per partition pointing at an image.</summary>
    /// <param name="partitionImages">One image per partition; empty to present <paramref name="wholeDiskImage"/> as a superfloppy.</param>
    public void AddDisk(string port, string blockName, IReadOnlyList<string> partitionImages, string? wholeDiskImage = null, bool readOnly = false)
    {
        var device = UsbDevicePath(port);
        var host = _hosts++;
        var relative = $"{port}:1.0/host{host}/target{host}:0:0/{host}:0:0:0/block/{blockName}";
        var block = Directory.CreateDirectory(Path.Combine(device, relative)).FullName;
        File.WriteAllText(Path.Combine(block, "ro"), readOnly ? "1\n" : "0\n");
        File.WriteAllText(Path.Combine(block, "size"), "83886080\n");
        for (var i = 0; i < partitionImages.Count; i++)
        {
            var partition = Directory.CreateDirectory(Path.Combine(block, blockName + (i + 1).ToString(CultureInfo.InvariantCulture))).FullName;
            File.WriteAllText(Path.Combine(partition, "partition"), (i + 1).ToString(CultureInfo.InvariantCulture) + "\n");
            File.WriteAllText(Path.Combine(partition, "ro"), readOnly ? "1\n" : "0\n");
            File.CreateSymbolicLink(Path.Combine(Dev, Path.GetFileName(partition)), partitionImages[i]);
        }

        File.CreateSymbolicLink(Path.Combine(Dev, blockName), wholeDiskImage ?? "/dev/null");
        File.CreateSymbolicLink(Path.Combine(Sys, "block", blockName), Path.GetRelativePath(Path.Combine(Sys, "block"), block));
    }

    /// <summary>A mass-storage recorder (or thumb drive) in one step: the USB device and its disk.</summary>
    public void Plug(string port, ushort vendorId, ushort productId, string serial, string blockName, string image, bool superfloppy = true, bool readOnly = false)
    {
        AddUsbDevice(port, vendorId, productId, serial, "Maker", "Body Camera");
        if (superfloppy)
        {
            AddDisk(port, blockName, [], image, readOnly);
        }
        else
        {
            AddDisk(port, blockName, [image], null, readOnly);
        }
    }

    /// <summary>Pulls the device on <paramref name="port"/> out: its block devices, /dev nodes and USB directory vanish.</summary>
    public void Unplug(string port)
    {
        var device = UsbDevicePath(port);
        foreach (var link in Directory.EnumerateFileSystemEntries(Path.Combine(Sys, "block")))
        {
            var target = new FileInfo(link).LinkTarget;
            if (target is not null && Path.GetFullPath(target, Path.Combine(Sys, "block")).StartsWith(device + "/", StringComparison.Ordinal))
            {
                var name = Path.GetFileName(link);
                File.Delete(link);
                foreach (var node in Directory.EnumerateFileSystemEntries(Dev, name + "*"))
                {
                    File.Delete(node);
                }
            }
        }

        File.Delete(Path.Combine(Sys, "bus", "usb", "devices", port));
        Directory.Delete(device, recursive: true);
    }

    private string UsbDevicePath(string port) =>
        new DirectoryInfo(Path.Combine(Sys, "bus", "usb", "devices", port)).ResolveLinkTarget(returnFinalTarget: true)?.FullName
        ?? throw new InvalidOperationException($"nothing plugged into {port}");

    private void WriteDevice(string path, string port, ushort vendorId, ushort productId, string? serial, string? manufacturer, string? product)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "idVendor"), vendorId.ToString("x4", CultureInfo.InvariantCulture) + "\n");
        File.WriteAllText(Path.Combine(path, "idProduct"), productId.ToString("x4", CultureInfo.InvariantCulture) + "\n");
        File.WriteAllText(Path.Combine(path, "busnum"), port[..port.IndexOf('-', StringComparison.Ordinal)] + "\n");
        WriteOptional(path, "serial", serial);
        WriteOptional(path, "manufacturer", manufacturer);
        WriteOptional(path, "product", product);
        var link = Path.Combine(Sys, "bus", "usb", "devices", port);
        if (!File.Exists(link) && !Directory.Exists(link))
        {
            File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, path));
        }
    }

    private static void WriteOptional(string dir, string name, string? value)
    {
        if (value is not null)
        {
            File.WriteAllText(Path.Combine(dir, name), value + "\n");
        }
    }
}
