using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>
/// socket(2) and bind(2) from glibc for the kernel uevent netlink socket: .NET's Socket class
/// refuses AF_NETLINK, but happily wraps an already bound descriptor.
/// </summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int AF_NETLINK = 16;
        internal const int SOCK_RAW = 3;
        internal const int SOCK_CLOEXEC = 0x80000;
        internal const int NETLINK_KOBJECT_UEVENT = 15;

        /// <summary>struct sockaddr_nl: family, pad, pid, groups.</summary>
#pragma warning disable CS8981 // C struct names verbatim (STYLE.md: interop keeps the C names)
        [StructLayout(LayoutKind.Sequential)]
        internal struct sockaddr_nl
        {
            public ushort nl_family;
            public ushort nl_pad;
            public uint nl_pid;
            public uint nl_groups;
        }
#pragma warning restore CS8981

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int socket(int domain, int type, int protocol);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int bind(int sockfd, in sockaddr_nl addr, int addrlen);
    }
}
