using System.Buffers;
using System.Security.Cryptography;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// One PATCH body on its way to the partial. Network reads are gathered into 1 MiB buffers; a full buffer is hashed
/// twice while it is in cache (the chunk's SHA-256 for Content-Digest and Upload-Checksum, the file's running
/// SHA-256) and then written with one pwrite that runs while the next buffer fills (two buffers, at most one write in
/// flight), so a write the kernel holds up does not stop the reading. Nothing is read back from disk.
/// </summary>
internal sealed class ChunkWriter(IPartialBlob partial, IncrementalHash chunk, IncrementalHash? full) : IAsyncDisposable
{
    public const int BufferSize = 1 << 20;
    private const int WritebackEvery = 4 << 20;
    private byte[] _filling = ArrayPool<byte>.Shared.Rent(BufferSize);
    private byte[] _writing = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _buffered;
    private Task _write = Task.CompletedTask;

    /// <summary>Bytes handed to writes so far (on disk, not yet synced, once <see cref="DrainAsync"/> returned).</summary>
    public long Written { get; private set; }

    /// <summary>Bytes read into the current buffer, not yet hashed or written.</summary>
    public int Buffered => _buffered;

    /// <summary>Where the next network read goes.</summary>
    public Memory<byte> Free => _filling.AsMemory(_buffered, BufferSize - _buffered);

    /// <summary>Counts <paramref name="count"/> bytes read into <see cref="Free"/>; a full buffer goes to disk.</summary>
    public ValueTask AddAsync(int count)
    {
        _buffered += count;
        return _buffered == BufferSize ? FlushAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Hashes the buffered bytes and starts their write, once the write before it has finished.</summary>
    public async ValueTask FlushAsync()
    {
        if (_buffered == 0)
        {
            return;
        }

        chunk.AppendData(_filling, 0, _buffered);
        full?.AppendData(_filling, 0, _buffered);
        await _write;
        (_filling, _writing) = (_writing, _filling);
        var count = _buffered;
        _buffered = 0;
        _write = WriteAsync(_writing, count, Written);
        Written += count;
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
            ArrayPool<byte>.Shared.Return(_filling);
            ArrayPool<byte>.Shared.Return(_writing);
        }
    }

    private async Task WriteAsync(byte[] buffer, int count, long before)
    {
        await partial.Content.WriteAsync(buffer.AsMemory(0, count), CancellationToken.None);
        if ((before + count) / WritebackEvery != before / WritebackEvery)
        {
            partial.StartWriteback();
        }
    }
}
