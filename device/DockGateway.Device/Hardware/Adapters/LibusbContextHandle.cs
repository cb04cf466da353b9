using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>A libusb_context*, ended with libusb_exit.</summary>
internal sealed class LibusbContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LibusbContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Interop.Libusb.libusb_exit(handle);
        return true;
    }
}
