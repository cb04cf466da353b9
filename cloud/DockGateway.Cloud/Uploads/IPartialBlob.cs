namespace DockGateway.Cloud.Uploads;

/// <summary>An unfinished upload opened for appending.</summary>
public interface IPartialBlob : IAsyncDisposable
{
    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/>. When the data's address is congruent to the
    /// offset modulo the page size (a <see cref="PageAlignedBuffer"/> filled from the matching position), its whole
    /// pages may bypass the page cache. One write at a time.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> data, long offset);

    /// <summary>A hint while a chunk streams in: start writing what was appended so far to storage, so the
    /// <see cref="FlushDurablyAsync"/> at the chunk's end has little left to do.</summary>
    void StartWriteback();

    /// <summary>Forces the appended bytes to stable storage (fdatasync: the data and the new size) before the offset advances.</summary>
    Task FlushDurablyAsync(CancellationToken cancellationToken);

    /// <summary>Cuts the partial back to <paramref name="length"/> bytes (a rejected chunk).</summary>
    void Truncate(long length);
}
