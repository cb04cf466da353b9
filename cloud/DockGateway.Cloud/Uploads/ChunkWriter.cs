using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// One PATCH body on its way to the partial. Network reads are gathered into 1 MiB page-aligned buffers; a full
/// buffer is hashed twice while it is in cache (the chunk's SHA-256 for Content-Digest and Upload-Checksum, the
/// file's running SHA-256) and then written with one write that runs while the next buffer fills (two buffers, at
/// most one write in flight), so a write the disk holds up does not stop the reading. Each buffer is filled from the
/// position that matches its file offset modulo the page size, so its whole pages can go to the disk with
/// <c>O_DIRECT</c> (<see cref="FilePartialBlob"/>). Nothing is read back from disk.
/// </summary>
internal sealed class ChunkWriter(IPartialBlob partial, long offset, IncrementalHash chunk, IncrementalHash? full) : IAsyncDisposable
{
    public const int BufferSize = PageAlignedBuffer.Size;
    private const int WritebackEvery = 4 << 20;
    private PageAlignedBuffer _filling = PageAlignedBuffer.Rent();
    private PageAlignedBuffer _writing = PageAlignedBuffer.Rent();
    private int _start = Start(offset);
    private int _buffered;
    private Task _write = Task.CompletedTask;

    /// <summary>Bytes handed to writes so far (on disk, not yet synced, once <see cref="DrainAsync"/> returned).</summary>
    public long Written { get; private set; }

    /// <summary>Bytes read into the current buffer, not yet hashed or written.</summary>
    public int Buffered => _buffered;

    /// <summary>Where the next network read goes.</summary>
    public Memory<byte> Free => _filling.Memory[(_start + _buffered)..];

    /// <summary>Counts <paramref name="count"/> bytes read into <see cref="Free"/>; a full buffer goes to disk.</summary>
    public ValueTask AddAsync(int count)
    {
        _buffered += count;
        return _start + _buffered == BufferSize ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Hashes the buffered bytes and starts their write, once the write before it has finished.</summary>
    public async ValueTask FlushAsync()
    {
        if (_buffered == 0)
        {
            return;
        }

        var data = _filling.Memory.Slice(_start, _buffered);
        chunk.AppendData(data.Span);
        full?.AppendData(data.Span);
        await _write;
        (_filling, _writing) = (_writing, _filling);
        var at = offset + Written;
        _write = WriteAsync(data, at);
        Written += _buffered;
        _buffered = 0;
        _start = Start(offset + Written);
    }

    /// <summary>Waits for the write in flight (before a truncate or the fdatasync).</summary>
    public Task DrainAsync() => _write;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _write;
        }
        catch (IOException)
        {
            // already reported to the request by DrainAsync or FlushAsync
        }
        finally
        {
            PageAlignedBuffer.Return(_filling);
            PageAlignedBuffer.Return(_writing);
        }
    }

    /// <summary>Where in a buffer the bytes for <paramref name="fileOffset"/> start: the same position within a page.</summary>
    private static int Start(long fileOffset) => (int)(fileOffset % PageAlignedBuffer.Alignment);

    private async Task WriteAsync(ReadOnlyMemory<byte> data, long at)
    {
        await partial.WriteAsync(data, at);
        if ((at + data.Length - offset) / WritebackEvery != (at - offset) / WritebackEvery)
        {
            partial.StartWriteback();
        }
    }
}
