using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>mount(2), umount2(2) and sync(2) from glibc: mounting recorder volumes through the kernel.</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const uint MS_RDONLY = 1;
        internal const uint MS_NOSUID = 2;
        internal const uint MS_NODEV = 4;
        internal const uint MS_NOEXEC = 8;
        internal const uint MS_REMOUNT = 32;
        internal const uint MS_NOATIME = 1024;
        internal const uint MS_BIND = 4096;

        internal const int MNT_DETACH = 2;

        internal const int EPERM = 1;
        internal const int EACCES = 13;
        internal const int ENOTBLK = 15;
        internal const int EBUSY = 16;
        internal const int EINVAL = 22;
        internal const int EROFS = 30;

        // ENOENT and ENODEV are declared in Interop.Libc.cs.

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int mount(string? source, string target, string? filesystemtype, nuint mountflags, string? data);

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int umount2(string target, int flags);

        [LibraryImport(Libraries.Libc)]
        internal static partial void sync();
    }
}
