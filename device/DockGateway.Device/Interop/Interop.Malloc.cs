using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

/// <summary>malloc_trim(3) from glibc: handing free heap pages back to the system when the dock is at rest.</summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Returns 1 when memory was released to the system, 0 when none could be.</summary>
        [LibraryImport(Libraries.Libc)]
        internal static partial int malloc_trim(nuint pad);
    }
}
