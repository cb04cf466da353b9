using DockGateway.Shared.Uploads;

namespace DockGateway.Cloud.Uploads;

/// <summary>One tus upload as recorded in the database.</summary>
/// <param name="Id">Upload id (32 hex digits), the last segment of its URL.</param>
/// <param name="DockId">The dock that created it; only that dock may touch it.</param>
/// <param name="Length">Upload-Length, which must equal the declared size.</param>
/// <param name="Offset">Bytes durably received so far.</param>
/// <param name="Sha256">Declared SHA-256 of the whole file (lower-case hex).</param>
/// <param name="Entry">Index of the dock's custody entry for this file.</param>
/// <param name="CompletedAt">When the full hash matched and the blob was stored; null while open.</param>
/// <param name="OffsetWriter">The cloud instance that wrote <paramref name="Offset"/> (<see cref="RunningHashes.Instance"/>); null at 0 or after a reset.</param>
public sealed record TusUpload(
    string Id,
    string DockId,
    long Length,
    long Offset,
    string Sha256,
    long Entry,
    string? FileName,
    string? Recorder,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? CompletedAt,
    bool Duplicate,
    string? OffsetWriter = null)
{
    public bool IsComplete => CompletedAt is not null;

    /// <summary>The receipt the cloud signs for a complete upload.</summary>
    public UploadReceipt Receipt() => new(
        DockId, Id, Entry, Sha256, Length,
        CompletedAt ?? throw new InvalidOperationException($"Upload {Id} is not complete: no receipt."),
        Duplicate);
}
