using System.Runtime.InteropServices;

namespace DockGateway.Shared.Interop;

/// <summary>The glibc calls behind <see cref="Storage.Writeback"/> and <see cref="Storage.DurableDirectory"/>, by their C names.</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const uint SYNC_FILE_RANGE_WRITE = 0x2;

        internal const int O_RDONLY = 0;
        internal const int O_CLOEXEC = 0x80000;

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int sync_file_range(int fd, long offset, long nbytes, uint flags);

        [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int open(string pathname, int flags, uint mode);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int fsync(int fd);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int close(int fd);

        /// <summary>O_DIRECTORY, whose value differs on ARM (a Raspberry Pi) and x86-64.</summary>
        internal static int O_DIRECTORY => RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 ? 0x4000 : 0x10000;
    }
}
