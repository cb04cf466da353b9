using DockGateway.Device.Hardware.Usb;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Usb;

public sealed class SysfsUsbScannerTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly FakeSysfs _sysfs;
    private readonly SysfsUsbScanner _scanner;

    public SysfsUsbScannerTests()
    {
        _sysfs = new FakeSysfs(_scratch.Path);
        _scanner = new SysfsUsbScanner(_sysfs.Sys, _sysfs.Dev);
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Usb_disk_is_found_with_its_port_path_identity_and_partitions()
    {
        var image = _scratch.Combine("p1.img");
        File.WriteAllBytes(image, new byte[1024]);
        _sysfs.AddUsbDevice("1-1.3", 0x4255, 0x0001, "SN-0042", "Ambarella", "Body Cam");
        _sysfs.AddDisk("1-1.3", "sda", [image]);

        var disk = Assert.Single(_scanner.ScanStorage());

        Assert.Equal("sda", disk.BlockName);
        Assert.Equal("1-1.3", disk.Usb.Port);
        Assert.Equal(0x4255, disk.Usb.VendorId);
        Assert.Equal(0x0001, disk.Usb.ProductId);
        Assert.Equal("SN-0042", disk.Usb.Serial);
        Assert.Equal("Ambarella", disk.Usb.Manufacturer);
        Assert.Equal("4255:0001", disk.Usb.Model);
        Assert.Equal([Path.Combine(_sysfs.Dev, "sda1")], disk.PartitionNodes);
        Assert.Equal(Path.Combine(_sysfs.Dev, "sda"), disk.DiskNode);
        Assert.False(disk.IsReadOnly);
        Assert.Equal(1, disk.Usb.Bus);
        Assert.Equal(new byte[] { 1, 3 }, disk.Usb.PortNumbers);
    }

    [Fact]
    public void Non_usb_block_devices_are_not_reported()
    {
        Assert.Empty(_scanner.ScanStorage());
    }

    [Fact]
    public void Write_protected_medium_is_reported_read_only()
    {
        _sysfs.Plug("2-1", 0x1234, 0x5678, "X", "sdb", "/dev/null", readOnly: true);

        Assert.True(Assert.Single(_scanner.ScanStorage()).IsReadOnly);
    }

    [Fact]
    public void Usb_devices_include_the_hub_and_a_device_without_storage_but_not_interfaces()
    {
        _sysfs.AddUsbDevice("1-1.2", 0x4255, 0x0001, "VENDOR-MODE");

        var devices = _scanner.ScanUsbDevices();

        Assert.Equal(["1-1", "1-1.2"], devices.Select(d => d.Port));
        Assert.Equal("VENDOR-MODE", devices[1].Serial);
    }

    [Fact]
    public void Unplugged_device_disappears_from_the_next_scan()
    {
        _sysfs.Plug("1-1.4", 0x1234, 0x5678, "X", "sdc", "/dev/null");
        Assert.Single(_scanner.ScanStorage());

        _sysfs.Unplug("1-1.4");

        Assert.Empty(_scanner.ScanStorage());
        Assert.DoesNotContain(_scanner.ScanUsbDevices(), d => d.Port == "1-1.4");
    }

    [Fact]
    public void Device_strings_are_reduced_to_printable_ascii()
    {
        _sysfs.AddUsbDevice("1-1.1", 0x1234, 0x5678, "AB\u0007C\u00e9D");

        Assert.Equal("ABCD", _scanner.ScanUsbDevices().Single(d => d.Port == "1-1.1").Serial);
    }

    [Fact]
    public void Missing_sysfs_root_gives_no_devices()
    {
        var scanner = new SysfsUsbScanner(_scratch.Combine("nothing"), "/dev");

        Assert.Empty(scanner.ScanStorage());
        Assert.Empty(scanner.ScanUsbDevices());
    }
}
