namespace DockGateway.Device.Ingest;

/// <summary>
/// What the pipelined read-back found: the SHA-256 of the copy as the disk returned it (or "unreadable (…)"),
/// and the copy's length and last write time once it was whole, so a change after the re-read is noticed.
/// </summary>
public sealed record ReadBack(string Sha256, long Length, DateTime LastWriteUtc)
{
    /// <summary>Takes the copy's length and last write time now (after the last range was re-read).</summary>
    public static ReadBack Of(string sha256, string path)
    {
        var info = new FileInfo(path);
        return new(sha256, info.Length, info.LastWriteTimeUtc);
    }

    /// <summary>The SHA-256 to compare, or why the stored copy no longer is what was re-read.</summary>
    public string CheckAgainst(string storedPath)
    {
        var info = new FileInfo(storedPath);
        return !info.Exists ? "missing after it was re-read"
            : info.Length != Length || info.LastWriteTimeUtc != LastWriteUtc ? $"changed after it was re-read ({info.Length} bytes, written {info.LastWriteTimeUtc:O})"
            : Sha256;
    }
}
