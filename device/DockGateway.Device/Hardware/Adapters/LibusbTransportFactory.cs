using DockGateway.Device.Hardware.Usb;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>Opens libusb transports.</summary>
public sealed class LibusbTransportFactory : IUsbTransportFactory
{
    public IUsbTransport Open(UsbDeviceInfo device, int interfaceNumber, byte outEndpoint, byte inEndpoint) =>
        LibusbTransport.Open(device, interfaceNumber, outEndpoint, inEndpoint);
}
