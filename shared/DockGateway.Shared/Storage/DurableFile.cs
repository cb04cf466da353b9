namespace DockGateway.Shared.Storage;

/// <summary>
/// Makes a file's bytes durable by its path: fsync(2) through a handle of its own, for a file written through another
/// handle or by another process (fsync flushes the file, not the handle). The dock's copy before it is stored, the
/// cloud's partial upload before it is moved under its hash; <see cref="DurableDirectory"/> does the same for the
/// directory a file was renamed into.
/// </summary>
public static class DurableFile
{
    /// <summary>fsync(2) on the file <paramref name="path"/> (FlushFileBuffers elsewhere).</summary>
    public static void Sync(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        stream.Flush(flushToDisk: true);
    }
}
