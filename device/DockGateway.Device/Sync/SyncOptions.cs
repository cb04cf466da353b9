namespace DockGateway.Device.Sync;

/// <summary>Store-and-forward to the agency's cloud, section <c>Sync</c>. Absent <c>Sync:CloudUrl</c> means no sync.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Sync:CloudUrl — the cloud's base address, e.g. https://cloud.example/ (the API is under api/v1/).</summary>
    public Uri? CloudUrl { get; set; }

    /// <summary>Sync:DockId — the id the cloud gave this dock at enrolment; the RFC 9421 keyid.</summary>
    public string DockId { get; set; } = string.Empty;

    /// <summary>Sync:ReceiptKey — the cloud's receipt verifier key (from enrolment); receipts must verify against it.</summary>
    public string? ReceiptKey { get; set; }

    /// <summary>Sync:WitnessKey — the cloud witness's verifier key (from enrolment), kept with cosigned checkpoints.</summary>
    public string? WitnessKey { get; set; }

    /// <summary>Sync:ChunkBytes — bytes per tus PATCH (each carries its own Upload-Checksum). 16 MiB: the cloud pays a
    /// signature check, an fdatasync and a database commit per chunk, and the dock a request round trip; a larger chunk
    /// resends more after a dropped connection (a cut chunk with a checksum is discarded).</summary>
    public int ChunkBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Sync:MaxBytesPerSecond — upload bandwidth cap; 0 = unlimited.</summary>
    public long MaxBytesPerSecond { get; set; }

    /// <summary>Sync:UploadWindows — local-time windows such as "22:00-06:00,12:30-13:30"; empty = always.</summary>
    public string UploadWindows { get; set; } = string.Empty;

    /// <summary>Sync:RetainDays — local footage is deleted this many days after the cloud acknowledged its SHA-256, never before.</summary>
    public int RetainDays { get; set; } = 30;

    /// <summary>Sync:RetryAttempts — retries of one HTTP request (with exponential backoff) before the upload is postponed.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Sync:RetryDelay — first retry delay of a request (doubles, with jitter), and the first pause after a failed upload attempt (doubles with each further failure).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sync:MaxRetryDelay — the longest a failed file waits before its next attempt, and the longest the worker pauses after failures.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sync:WitnessInterval — how often the witnessing loop looks for a newer checkpoint.</summary>
    public TimeSpan WitnessInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sync:EntryBatchSize — custody entries per <c>POST api/v1/docks/{id}/entries</c> when the witnessing loop mirrors the log.</summary>
    public int EntryBatchSize { get; set; } = 500;
}
