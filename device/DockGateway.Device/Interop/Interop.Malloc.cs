using System.Runtime.InteropServices;

namespace DockGateway.Device.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Returns 1 when memory was released to the system, 0 when none could be.</summary>
        [LibraryImport(Library)]
        internal static partial int malloc_trim(nuint pad);

        /// <summary>
        /// glibc's malloc_trim(0): gives the free pages of every malloc arena (SQLite's, libmosquitto's) back to
        /// the system. False when the C library has no malloc_trim (musl), where there is nothing to do.
        /// </summary>
        internal static bool TrimNativeHeap()
        {
            try
            {
                return malloc_trim(0) != 0;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
        }
    }
}
