using System.Runtime.InteropServices;
using Tmds.Linux;

namespace DockGateway.Shared.Storage;

/// <summary>
/// fdatasync(2): forces a file's data to stable storage together with the metadata needed to read it back
/// (its size, so an append is covered), without the timestamps a full fsync also writes. Off Linux, a full
/// flush (<see cref="FileStream.Flush(bool)"/>).
/// </summary>
public static class DataSync
{
    /// <summary>Flushes <paramref name="stream"/>'s buffer, then its data to the disk.</summary>
    public static void Flush(FileStream stream)
    {
        stream.Flush();
        if (!OperatingSystem.IsLinux())
        {
            stream.Flush(flushToDisk: true);
            return;
        }

        var handle = stream.SafeFileHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            // fdatasync(2) through Tmds.LibC (served, pinned): -1 and errno.
            if (LibC.fdatasync((int)handle.DangerousGetHandle()) != 0)
            {
                var errno = LibC.errno;
                throw new IOException($"fdatasync '{stream.Name}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}
