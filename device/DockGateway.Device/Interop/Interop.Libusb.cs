using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>
/// libusb-1.0 (Debian package libusb-1.0-0): vendor handshakes. The context and each opened device are
/// SafeHandles (<see cref="LibusbContextHandle"/>, <see cref="LibusbDeviceHandle"/>); a libusb_device* from
/// the device list is owned by the list and stays a plain pointer.
/// </summary>
internal static partial class Interop
{
    internal static partial class Libusb
    {
        internal const string DebianPackage = "libusb-1.0-0";

        internal const int LIBUSB_SUCCESS = 0;
        internal const int LIBUSB_ERROR_TIMEOUT = -7;

        [StructLayout(LayoutKind.Sequential)]
        internal struct libusb_device_descriptor
        {
            public byte bLength;
            public byte bDescriptorType;
            public ushort bcdUSB;
            public byte bDeviceClass;
            public byte bDeviceSubClass;
            public byte bDeviceProtocol;
            public byte bMaxPacketSize0;
            public ushort idVendor;
            public ushort idProduct;
            public ushort bcdDevice;
            public byte iManufacturer;
            public byte iProduct;
            public byte iSerialNumber;
            public byte bNumConfigurations;
        }

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_init(out LibusbContextHandle ctx);

        [LibraryImport(Libraries.Libusb)]
        internal static partial void libusb_exit(nint ctx);

        [LibraryImport(Libraries.Libusb)]
        internal static partial nint libusb_get_device_list(LibusbContextHandle ctx, out nint list);

        [LibraryImport(Libraries.Libusb)]
        internal static partial void libusb_free_device_list(nint list, int unref_devices);

        [LibraryImport(Libraries.Libusb)]
        internal static partial byte libusb_get_bus_number(nint dev);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_get_port_numbers(nint dev, Span<byte> port_numbers, int port_numbers_len);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_get_device_descriptor(nint dev, out libusb_device_descriptor desc);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_open(nint dev, out LibusbDeviceHandle dev_handle);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_set_auto_detach_kernel_driver(LibusbDeviceHandle dev_handle, int enable);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_claim_interface(LibusbDeviceHandle dev_handle, int interface_number);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_release_interface(LibusbDeviceHandle dev_handle, int interface_number);

        [LibraryImport(Libraries.Libusb)]
        internal static partial void libusb_close(nint dev_handle);

        [LibraryImport(Libraries.Libusb)]
        internal static partial int libusb_bulk_transfer(
            LibusbDeviceHandle dev_handle, byte endpoint, Span<byte> data, int length, out int actual_length, uint timeout);

        [LibraryImport(Libraries.Libusb)]
        internal static unsafe partial byte* libusb_error_name(int error_code);
    }
}
