using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// One PATCH body on its way to the partial. Network reads are gathered into 4 MiB page-aligned buffers; a full
/// buffer is hashed twice while it is in cache (the chunk's SHA-256 for Content-Digest and Upload-Checksum and the
/// file's running SHA-256, side by side on two threads) and then written with one write, all while the next buffer
/// fills (two buffers, at most one buffer being hashed or written), so neither the hashing nor a write the disk
/// holds up stops the reading. Each buffer is filled from the position that matches its file offset modulo the page
/// size, so its whole pages can go to the disk with <c>O_DIRECT</c> (<see cref="FilePartialBlob"/>); with 1 MiB
/// buffers each 16 MiB chunk waited 52 ms for its direct writes, with 4 MiB 3 ms. Nothing is read back from disk.
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

    /// <summary>Bytes handed to the hashes and writes so far (on disk, not yet synced, once <see cref="DrainAsync"/> returned).</summary>
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

    /// <summary>Hands the buffered bytes to be hashed and written, once the buffer before them is done with.</summary>
    public async ValueTask FlushAsync()
    {
        if (_buffered == 0)
        {
            return;
        }

        var data = _filling.Memory.Slice(_start, _buffered);
        await _write;
        (_filling, _writing) = (_writing, _filling);
        _write = HashAndWriteAsync(data, offset + Written);
        Written += _buffered;
        _buffered = 0;
        _start = Start(offset + Written);
    }

    /// <summary>Waits for the buffer being hashed and written (before the hashes are read, a truncate or the fdatasync).</summary>
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

    /// <summary>Both SHA-256 passes side by side (the chunk's on this thread, the file's on another), then the write.</summary>
    private async Task HashAndWriteAsync(ReadOnlyMemory<byte> data, long at)
    {
        await Task.Yield(); // the reading goes on meanwhile
        var fullPass = full is null ? Task.CompletedTask : Task.Run(() => full.AppendData(data.Span));
        chunk.AppendData(data.Span);
        await fullPass;
        await partial.WriteAsync(data, at);
        if ((at + data.Length - offset) / WritebackEvery != (at - offset) / WritebackEvery)
        {
            partial.StartWriteback();
        }
    }
}
