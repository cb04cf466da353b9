using System.Net.Sockets;
using System.Runtime.InteropServices;
using Libc = DockGateway.Device.Interop.Interop.Libc;

namespace DockGateway.Device.Hardware.Usb;

/// <summary>
/// Listens for kernel uevents on a NETLINK_KOBJECT_UEVENT socket (group 1, kernel events). .NET's
/// Socket does not create AF_NETLINK sockets, so the descriptor is made and bound through libc and
/// then handed to a <see cref="Socket"/> for asynchronous receives.
/// </summary>
public sealed class UeventListener : IDisposable
{
    private const int KernelGroup = 1;
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];

    private UeventListener(Socket socket) => _socket = socket;

    /// <summary>Opens the socket; throws <see cref="SocketException"/> when netlink is not allowed here.</summary>
    public static UeventListener Open()
    {
        var fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_KOBJECT_UEVENT);
        if (fd < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        var address = new Libc.sockaddr_nl { nl_family = Libc.AF_NETLINK, nl_groups = KernelGroup };
        if (Libc.bind(fd, in address, Marshal.SizeOf<Libc.sockaddr_nl>()) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new SocketException(errno);
        }

        return new UeventListener(new Socket(handle));
    }

    /// <summary>The next kernel uevent (non-kernel messages are skipped).</summary>
    public async ValueTask<Uevent> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken);
            var uevent = Uevent.Parse(_buffer.AsSpan(0, read));
            if (uevent is not null)
            {
                return uevent;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
