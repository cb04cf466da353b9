using System.Text;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Usb;

public sealed class UeventTests
{
    [Fact]
    public void Kernel_message_is_parsed_into_action_devpath_and_properties()
    {
        var message = Encoding.ASCII.GetBytes(
            "add@/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.3/1-1.3:1.0/host0/target0:0:0/0:0:0:0/block/sda\0"
            + "ACTION=add\0DEVPATH=/devices/…/block/sda\0SUBSYSTEM=block\0DEVNAME=sda\0DEVTYPE=disk\0SEQNUM=4242\0");

        var uevent = Uevent.Parse(message);

        Assert.NotNull(uevent);
        Assert.Equal("add", uevent.Action);
        Assert.EndsWith("/block/sda", uevent.DevPath, StringComparison.Ordinal);
        Assert.Equal("block", uevent.Subsystem);
        Assert.Equal("sda", uevent.Properties["DEVNAME"]);
        Assert.True(uevent.ConcernsUsbStorage);
    }

    [Fact]
    public void Udev_rebroadcasts_and_garbage_are_ignored()
    {
        Assert.Null(Uevent.Parse("libudev\0\u00fe\u00ed\u00ca\u00fe"u8));
        Assert.Null(Uevent.Parse("no at sign"u8));
        Assert.Null(Uevent.Parse(""u8));
    }

    [Fact]
    public void Net_events_do_not_concern_usb_storage()
    {
        var uevent = Uevent.Parse("change@/devices/virtual/net/eth0\0SUBSYSTEM=net\0"u8);

        Assert.False(uevent!.ConcernsUsbStorage);
    }

    [RequiresFact(Needs.Root)]
    public async Task Listener_receives_a_real_kernel_uevent()
    {
        using var listener = UeventListener.Open();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Writing an action to any device's uevent file makes the kernel broadcast it.
        await File.WriteAllTextAsync("/sys/class/net/lo/uevent", "change", timeout.Token);
        Uevent uevent;
        do
        {
            uevent = await listener.ReceiveAsync(timeout.Token);
        }
        while (uevent.DevPath != "/devices/virtual/net/lo");

        Assert.Equal("change", uevent.Action);
        Assert.Equal("net", uevent.Subsystem);
        Assert.Equal("lo", uevent.Properties["INTERFACE"]);
    }
}
