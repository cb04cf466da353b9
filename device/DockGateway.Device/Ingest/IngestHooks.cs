namespace DockGateway.Device.Ingest;

/// <summary>
/// Seams for fault injection in tests (a source changing mid-read, a stored copy corrupted before
/// verification). All null in production.
/// </summary>
public sealed class IngestHooks
{
    /// <summary>Called after each chunk is read from the recorder, with the bytes read so far.</summary>
    public Action<VolumePath, long>? AfterChunk { get; set; }

    /// <summary>As <see cref="AfterChunk"/>, also given the ingest's cancellation token (to wait for a removal to be noticed).</summary>
    public Action<VolumePath, long, CancellationToken>? AfterChunkCancellable { get; set; }

    /// <summary>
    /// Called during the copy's pipelined read-back, for each range once the disk has it and before it is
    /// dropped from the page cache and re-read (temporary path, offset, length).
    /// </summary>
    public Action<string, long, long>? BeforeVerifyRange { get; set; }

    /// <summary>Called after the copy is written and fsync'd in incoming/, before it is renamed into place (temporary path).</summary>
    public Action<string>? BeforeStore { get; set; }

    /// <summary>Called after the copy is renamed into place, before it is re-read and verified (full path).</summary>
    public Action<string>? BeforeVerify { get; set; }

    /// <summary>Called after the stored copy's SHA-256 is verified, before the <c>ingested</c> entry is committed.</summary>
    public Action<VolumePath>? BeforeCommit { get; set; }

    /// <summary>Called after the <c>ingested</c> entry is committed, before the recorder file is erased.</summary>
    public Action<VolumePath>? BeforeErase { get; set; }

    /// <summary>Called after the file is deleted from the recorder, before the <c>erased</c> entry is committed.</summary>
    public Action<VolumePath>? AfterErase { get; set; }
}
