using System.Runtime.InteropServices;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Interop;
using Libraries = DockGateway.Device.Interop.Interop.Libraries;
using Native = DockGateway.Device.Interop.Interop.Libusb;

namespace DockGateway.Device.Hardware.Adapters;

/// <summary>
/// A libusb-1.0 bulk transport to the device on one port (matched by bus and port numbers, so two
/// recorders of the same model in two slots are never confused), with its interface claimed.
/// </summary>
public sealed class LibusbTransport : IUsbTransport
{
    private readonly LibusbContextHandle _context;
    private readonly LibusbDeviceHandle _device;
    private readonly int _interface;
    private readonly byte _out;
    private readonly byte _in;
    private bool _disposed;

    private LibusbTransport(LibusbContextHandle context, LibusbDeviceHandle device, int interfaceNumber, byte outEndpoint, byte inEndpoint)
    {
        _context = context;
        _device = device;
        _interface = interfaceNumber;
        _out = outEndpoint;
        _in = inEndpoint;
    }

    /// <summary>Whether libusb-1.0.so.0 loads here (used by dockctl doctor and the tests).</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(Libraries.Libusb, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    public static LibusbTransport Open(UsbDeviceInfo device, int interfaceNumber, byte outEndpoint, byte inEndpoint)
    {
        if (!IsAvailable())
        {
            throw new AdapterException($"{Libraries.Libusb} is missing: install the Debian package {Native.DebianPackage}");
        }

        Check(Native.libusb_init(out var context), "libusb_init", device);
        try
        {
            var handle = OpenOnPort(context, device);
            try
            {
                _ = Native.libusb_set_auto_detach_kernel_driver(handle, 1); // unsupported on some platforms: claiming then says why
                Check(Native.libusb_claim_interface(handle, interfaceNumber), $"libusb_claim_interface({interfaceNumber})", device);
            }
            catch
            {
                handle.Dispose();
                throw;
            }

            return new LibusbTransport(context, handle, interfaceNumber, outEndpoint, inEndpoint);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public int Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        var copy = data.ToArray();
        var result = Native.libusb_bulk_transfer(_device, _out, copy, copy.Length, out var sent, (uint)timeout.TotalMilliseconds);
        return result is Native.LIBUSB_SUCCESS or Native.LIBUSB_ERROR_TIMEOUT ? sent : throw Error(result, "bulk OUT");
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var result = Native.libusb_bulk_transfer(_device, _in, buffer, buffer.Length, out var received, (uint)timeout.TotalMilliseconds);
        return result is Native.LIBUSB_SUCCESS or Native.LIBUSB_ERROR_TIMEOUT ? received : throw Error(result, "bulk IN");
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ = Native.libusb_release_interface(_device, _interface); // closing releases it anyway
        _device.Dispose(); // libusb_close, then lets go of the context
        _context.Dispose();
    }

    /// <summary>Opens the device on <paramref name="device"/>'s bus and port; the handle keeps <paramref name="context"/> open.</summary>
    private static LibusbDeviceHandle OpenOnPort(LibusbContextHandle context, UsbDeviceInfo device)
    {
        var count = (int)Native.libusb_get_device_list(context, out var list);
        Check(count, "libusb_get_device_list", device);
        try
        {
            Span<byte> ports = stackalloc byte[8];
            for (var i = 0; i < count; i++)
            {
                var candidate = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                var depth = Native.libusb_get_port_numbers(candidate, ports, ports.Length);
                if (Native.libusb_get_bus_number(candidate) == device.Bus && depth > 0
                    && ports[..depth].SequenceEqual(device.PortNumbers.ToArray()))
                {
                    var opened = Native.libusb_open(candidate, out var handle);
                    if (opened != Native.LIBUSB_SUCCESS)
                    {
                        handle.Dispose();
                        Check(opened, "libusb_open", device);
                    }

                    handle.KeepOpen(context);
                    return handle;
                }
            }
        }
        finally
        {
            Native.libusb_free_device_list(list, 1);
        }

        throw new AdapterException($"No USB device on port {device.Port} (bus {device.Bus}) seen by libusb");
    }

    private static void Check(int result, string call, UsbDeviceInfo device)
    {
        if (result < 0)
        {
            throw new AdapterException($"{call} failed for the device on port {device.Port}: {Name(result)}");
        }
    }

    private static unsafe string Name(int error) => Marshal.PtrToStringUTF8((nint)Native.libusb_error_name(error)) ?? error.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AdapterException Error(int result, string what) => new($"libusb {what} transfer failed: {Name(result)}");
}
