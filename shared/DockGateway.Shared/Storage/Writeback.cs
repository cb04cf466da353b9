using Microsoft.Win32.SafeHandles;
using static DockGateway.Shared.Interop.Interop;

namespace DockGateway.Shared.Storage;

/// <summary>
/// Starts writing a file's dirty pages to disk without waiting (Linux <c>sync_file_range</c> with
/// <c>SYNC_FILE_RANGE_WRITE</c>), so the fsync that makes a long write durable finds most of it on disk
/// already instead of writing it all at once. A hint only: it is skipped off Linux and its failure is
/// ignored, since the fsync that follows reports any write error.
/// </summary>
public static class Writeback
{
    /// <summary>Starts writeback of <paramref name="count"/> bytes from <paramref name="offset"/> (count 0: to the end of the file).</summary>
    public static void Start(SafeFileHandle file, long offset = 0, long count = 0)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = Libc.sync_file_range((int)file.DangerousGetHandle(), offset, count, Libc.SYNC_FILE_RANGE_WRITE);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }
}
