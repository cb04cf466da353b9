using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Interop;

/// <summary>A libusb_context*, ended with libusb_exit (after every device handle opened in it is closed).</summary>
internal sealed class LibusbContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LibusbContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Libusb.libusb_exit(handle);
        return true;
    }
}
