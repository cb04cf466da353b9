using System.Runtime.InteropServices;

namespace DockGateway.Shared.Interop;

/// <summary>The glibc call behind <see cref="Storage.Writeback"/>, by its C name.</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const string Library = "libc.so.6";
        internal const uint SYNC_FILE_RANGE_WRITE = 0x2;

        [LibraryImport(Library, SetLastError = true)]
        internal static partial int sync_file_range(int fd, long offset, long nbytes, uint flags);
    }
}
