namespace DockGateway.Cloud.Uploads;

/// <summary>
/// Where footage lives: partial uploads keyed by upload id, finished blobs keyed by their
/// SHA-256 (lower-case hex), so one file is never stored twice.
/// </summary>
public interface IBlobStore
{
    /// <summary>True when a finished blob with this SHA-256 is stored, durably (a receipt may be signed on this answer).</summary>
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the partial upload for appending at <paramref name="offset"/>. Bytes beyond the
    /// offset (left by a crash between the write and the offset update) are cut off first.
    /// </summary>
    Task<IPartialBlob> OpenPartialAsync(string uploadId, long offset, CancellationToken cancellationToken);

    /// <summary>Reads the partial upload from its start (to compute its full SHA-256).</summary>
    Stream ReadPartial(string uploadId);

    /// <summary>The partial upload's length in bytes, or null when there is none.</summary>
    long? PartialLength(string uploadId);

    /// <summary>
    /// Moves the finished partial into the store under its SHA-256, durably (the partial and every
    /// directory touched are fsync'd). When that blob already exists the partial is simply removed,
    /// and when the partial is already gone (moved before a crash) only the directories are synced:
    /// it can be repeated whichever step a crash came after. Throws when neither exists.
    /// </summary>
    Task CommitAsync(string uploadId, string sha256, CancellationToken cancellationToken);

    /// <summary>Removes a partial upload; does nothing when there is none.</summary>
    Task DeletePartialAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>Opens a finished blob for reading, or null when it is not stored.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>
    /// Opens bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) of a finished
    /// blob, for HTTP range requests (an MP4 played in a browser): the stream yields exactly those bytes. Null when
    /// the blob is not stored; <see cref="ArgumentOutOfRangeException"/> when the range runs past its end (its size
    /// is the upload's length). The file-system store seeks; the S3 store sends one ranged GET.
    /// </summary>
    Task<Stream?> OpenRangeAsync(string sha256, long offset, long length, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a finished blob durably (for the retention job, after it has written its deletion
    /// record). Returns false when no such blob is stored; repeating a delete is harmless.
    /// </summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken);
}
