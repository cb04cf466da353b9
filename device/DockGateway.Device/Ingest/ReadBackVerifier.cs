using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Step 3 of the custody invariant, pipelined within one file: while the copy goes on, each range the
/// copy has written (<c>Dock:VerifyRangeBytes</c>) is written back and waited for
/// (<c>sync_file_range</c>), dropped from the page cache (<c>POSIX_FADV_DONTNEED</c>) and re-read from
/// the disk (<c>O_DIRECT</c> where the file system allows it) and hashed into a second SHA-256: on one
/// thread of its own, or, <c>pipelined</c> (a copy running alone, <see cref="CopyConcurrency"/>), read on
/// one and hashed on another, overlapping through a <see cref="ChunkRing"/>. The copy's hash and this one
/// are compared only once the whole file has been re-read: a large file is verified at nearly the speed it
/// is copied, and nothing is committed before all of it was checked.
/// </summary>
public sealed class ReadBackVerifier : IDisposable
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly SafeFileHandle _written;
    private readonly RangeReader _reader;
    private readonly ChunkRing _ring;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _rangeBytes;
    private readonly IngestHooks _hooks;
    private readonly Task _reading;
    private readonly Task? _hashing;
    private long _writtenUpTo;
    private long _next;
    private long _wakeAt;
    private bool _complete;
    private bool _abandoned;
    private bool _disposed;

    /// <param name="path">The temporary copy being written.</param>
    /// <param name="written">The copy's write handle (its dirty ranges are written back through it).</param>
    /// <param name="pipelined">Hash on a second thread while the next chunk is read.</param>
    internal ReadBackVerifier(string path, SafeFileHandle written, bool fromDisk, int rangeBytes, int bufferBytes, bool pipelined, IngestHooks hooks)
    {
        _path = path;
        _written = written;
        _rangeBytes = rangeBytes;
        _hooks = hooks;
        _reader = RangeReader.Open(path, fromDisk);
        _ring = new ChunkRing(pipelined ? 2 : 1, bufferBytes);
        _reading = Task.Factory.StartNew(() => ReadRanges(hashInline: !pipelined), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _hashing = pipelined ? Task.Factory.StartNew(HashChunks, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default) : null;
    }

    /// <summary>The copy has written (not necessarily flushed) every byte before <paramref name="offset"/>.</summary>
    public void Written(long offset)
    {
        lock (_gate)
        {
            _writtenUpTo = offset;
            if (offset >= _wakeAt)
            {
                Monitor.Pulse(_gate); // only once the range the re-read waits for is whole: one wake-up per range, not per chunk
            }
        }
    }

    /// <summary>The copy is whole: re-reads what is left and returns the re-read SHA-256, or "unreadable (…)".</summary>
    public async Task<string> CompleteAsync()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.Pulse(_gate);
        }

        try
        {
            await _reading;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }

        if (_hashing is not null)
        {
            await _hashing;
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>Stops the re-read (the copy failed) and waits for it, so the file can be closed and deleted.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _abandoned = true;
            Monitor.Pulse(_gate);
        }

        try
        {
            Task.WaitAll(_hashing is null ? [_reading] : [_reading, _hashing]);
        }
        catch (AggregateException)
        {
            // Its outcome is the caller's through CompleteAsync; here only its end matters.
        }

        _reader.Dispose();
        _ring.Dispose();
        _hash.Dispose();
    }

    /// <summary>The re-read's (first) thread: each range, once written back, read from the disk into the ring, and hashed here when <paramref name="hashInline"/>.</summary>
    private void ReadRanges(bool hashInline)
    {
        try
        {
            while (NextRange() is var (offset, count) && count > 0)
            {
                var waiting = IngestCpuStages.Start();
                RangeReader.WaitWrittenBack(_written, offset, count);
                IngestCpuStages.Add(IngestCpuStage.VerifyWriteback, waiting);
                _hooks.BeforeVerifyRange?.Invoke(_path, offset, count);
                if (!_reader.ReadInto(_ring, offset, count, hashInline ? () => HashNext() : null))
                {
                    return;
                }

                Volatile.Write(ref _next, offset + count);
            }

            if (Volatile.Read(ref _abandoned))
            {
                _ring.Stop();
            }
            else
            {
                _ring.Complete();
            }
        }
        catch
        {
            _ring.Stop();
            throw;
        }
    }

    /// <summary>The re-read's second thread when pipelined: hashes the chunks in order (the hash counts only if the reads all succeeded).</summary>
    private void HashChunks()
    {
        while (HashNext())
        {
        }
    }

    /// <summary>Hashes the next chunk read; false after the last one.</summary>
    private bool HashNext()
    {
        if (_ring.Take() is not { } chunk)
        {
            return false;
        }

        var hashing = IngestCpuStages.Start();
        _hash.AppendData(chunk.Buffer.Span(chunk.Count));
        IngestCpuStages.Add(IngestCpuStage.VerifyHash, hashing);
        _ring.Return();
        return true;
    }

    /// <summary>Waits for the next whole range (or the tail once the copy is complete); count 0 when done or abandoned.</summary>
    private (long Offset, long Count) NextRange()
    {
        lock (_gate)
        {
            var next = Volatile.Read(ref _next);
            _wakeAt = next + _rangeBytes;
            while (!_abandoned && !_complete && _writtenUpTo < _wakeAt)
            {
                Monitor.Wait(_gate);
            }

            return _abandoned ? (next, 0) : (next, Math.Min(_rangeBytes, _writtenUpTo - next));
        }
    }
}
