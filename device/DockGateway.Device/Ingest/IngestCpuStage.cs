namespace DockGateway.Device.Ingest;

/// <summary>The parts of an ingest whose CPU time <see cref="IngestCpuStages"/> adds up (a diagnostic).</summary>
public enum IngestCpuStage
{
    /// <summary>Reading a chunk from the recorder into a copy buffer.</summary>
    SourceRead,

    /// <summary>The copy's SHA-256.</summary>
    CopyHash,

    /// <summary>Writing a chunk of the copy (and starting its writeback when it went through the page cache).</summary>
    CopyWrite,

    /// <summary>The read-back waiting for a range's writeback and dropping it from the page cache.</summary>
    VerifyWriteback,

    /// <summary>The read-back's reads from the disk.</summary>
    VerifyRead,

    /// <summary>The read-back's SHA-256.</summary>
    VerifyHash,

    /// <summary>Steps 2, 4 and 5: fsync, rename, directory fsyncs, the custody commits, the erase.</summary>
    Finish,
}
