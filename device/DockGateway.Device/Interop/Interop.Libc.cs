using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>
/// The few glibc calls .NET does not expose: directory fsync, a thread's CPU time (the ingest's stage breakdown), dropping cached pages, waiting for a range's writeback, O_DIRECT read-back, and a byte-exact, symlink-proof walk of an
/// untrusted recorder volume (openat/fdopendir/readdir64/statx/unlinkat). C names verbatim.
/// Flag values differ between x86-64 and ARM (O_DIRECTORY, O_NOFOLLOW): see <see cref="Flags"/>.
/// </summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int AT_FDCWD = -100;
        internal const int AT_SYMLINK_NOFOLLOW = 0x100;
        internal const int AT_EMPTY_PATH = 0x1000;
        internal const uint STATX_TYPE = 0x1;
        internal const uint STATX_MODE = 0x2;
        internal const uint STATX_MTIME = 0x40;
        internal const uint STATX_CTIME = 0x80;
        internal const uint STATX_SIZE = 0x200;
        internal const int S_IFMT = 0xF000;
        internal const int S_IFREG = 0x8000;
        internal const int S_IFDIR = 0x4000;
        internal const int S_IFLNK = 0xA000;
        internal const int S_IFCHR = 0x2000;
        internal const int S_IFBLK = 0x6000;
        internal const int S_IFIFO = 0x1000;
        internal const int S_IFSOCK = 0xC000;
        internal const byte DT_UNKNOWN = 0;
        internal const byte DT_DIR = 4;
        internal const byte DT_REG = 8;
        internal const byte DT_LNK = 10;
        internal const int ENOENT = 2;
        internal const int EINTR = 4;
        internal const int ENODEV = 19;
        internal const int EIO = 5;
        internal const int ENOTCONN = 107;
        internal const int POSIX_FADV_DONTNEED = 4;
        internal const uint SYNC_FILE_RANGE_WAIT_BEFORE = 0x1;
        internal const uint SYNC_FILE_RANGE_WRITE = 0x2;
        internal const uint SYNC_FILE_RANGE_WAIT_AFTER = 0x4;

        /// <summary>Linux <c>struct statx</c>: the same layout on every architecture (unlike <c>struct stat</c>).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        internal struct Statx
        {
            [FieldOffset(0)] public uint stx_mask;
            [FieldOffset(28)] public ushort stx_mode;
            [FieldOffset(32)] public ulong stx_ino;
            [FieldOffset(40)] public ulong stx_size;
            [FieldOffset(96)] public long stx_ctime_sec;
            [FieldOffset(104)] public uint stx_ctime_nsec;
            [FieldOffset(112)] public long stx_mtime_sec;
            [FieldOffset(120)] public uint stx_mtime_nsec;
        }

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial int open(byte* pathname, int flags, uint mode);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial int openat(int dirfd, byte* pathname, int flags, uint mode);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int close(int fd);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int fsync(int fd);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int dup(int fd);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial nint fdopendir(int fd);

        /// <summary>Returns a <c>struct dirent64*</c>: d_ino u64 @0, d_off s64 @8, d_reclen u16 @16, d_type u8 @18, d_name @19.</summary>
        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial nint readdir64(DirectoryHandle dirp);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static partial int closedir(nint dirp);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial int statx(int dirfd, byte* pathname, int flags, uint mask, Statx* statxbuf);

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial int unlinkat(int dirfd, byte* pathname, int flags);

        /// <summary>open(2) flags whose values depend on the CPU architecture.</summary>
        internal static class Flags
        {
            private static readonly bool s_arm = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Armv6;

            internal const int O_RDONLY = 0;
            internal const int O_WRONLY = 1;
            internal const int O_NONBLOCK = 0x800;
            internal const int O_CLOEXEC = 0x80000;

            internal static int O_DIRECTORY => s_arm ? 0x4000 : 0x10000;

            internal static int O_NOFOLLOW => s_arm ? 0x8000 : 0x20000;

            internal static int O_DIRECT => s_arm ? 0x10000 : 0x4000;
        }

        /// <summary>The calling thread's CPU time (the same clock id on every Linux architecture).</summary>
        internal const int CLOCK_THREAD_CPUTIME_ID = 3;

        /// <summary><c>struct timespec</c>: two C longs (glibc's default <c>time_t</c> is a long on 32-bit ARM too).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Timespec
        {
            public nint tv_sec;
            public nint tv_nsec;
        }

        [LibraryImport(Libraries.Libc, SetLastError = true)]
        internal static unsafe partial int clock_gettime(int clockid, Timespec* tp);

        /// <summary>Returns 0 or the error number itself (not -1 and errno).</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int posix_fadvise(int fd, long offset, long len, int advice);
    }
}
