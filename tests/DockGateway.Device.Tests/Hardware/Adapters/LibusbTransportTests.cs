using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Usb;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Adapters;

public sealed class LibusbTransportTests
{
    [Fact]
    public void Libusb_loads_and_a_port_without_a_device_gives_a_clear_error()
    {
        Assert.True(LibusbTransport.IsAvailable(), "libusb-1.0.so.0 is missing: install libusb-1.0-0");
        var nowhere = new UsbDeviceInfo("9-9.9", 0x4255, 0x0001, null, null, null, "/sys/none");

        var error = Assert.Throws<AdapterException>(() => LibusbTransport.Open(nowhere, 0, 0x01, 0x81));

        Assert.Contains("9-9.9", error.Message, StringComparison.Ordinal);
    }
}
