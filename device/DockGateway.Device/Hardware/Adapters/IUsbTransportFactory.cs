using DockGateway.Device.Hardware.Usb;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>Opens a transport to the device on a given port.</summary>
public interface IUsbTransportFactory
{
    IUsbTransport Open(UsbDeviceInfo device, int interfaceNumber, byte outEndpoint, byte inEndpoint);
}
