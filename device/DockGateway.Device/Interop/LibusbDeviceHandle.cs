using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Interop;

/// <summary>
/// A libusb_device_handle*, closed with libusb_close. It keeps its context open (a reference on the
/// <see cref="LibusbContextHandle"/>) until it is closed, so libusb_exit never comes first.
/// </summary>
internal sealed class LibusbDeviceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private LibusbContextHandle? _context;

    public LibusbDeviceHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Holds <paramref name="context"/> open until this handle is closed.</summary>
    public void KeepOpen(LibusbContextHandle context)
    {
        var added = false;
        context.DangerousAddRef(ref added);
        _context = context;
    }

    protected override bool ReleaseHandle()
    {
        Interop.Libusb.libusb_close(handle);
        _context?.DangerousRelease();
        return true;
    }
}
