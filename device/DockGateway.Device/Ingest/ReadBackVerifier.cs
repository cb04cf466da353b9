using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Step 3 of the custody invariant, pipelined within one file: while the copy goes on, each range the
/// copy has written (<c>Dock:VerifyRangeBytes</c>) is written back and waited for
/// (<c>sync_file_range</c>), dropped from the page cache (<c>POSIX_FADV_DONTNEED</c>) and re-read from
/// the disk (<c>O_DIRECT</c> where the file system allows it), and hashed into a second SHA-256. The copy's
/// hash and this one are compared only once the whole file has been re-read: a large file is verified at
/// nearly the speed it is copied, and nothing is committed before all of it was checked.
/// </summary>
public sealed class ReadBackVerifier : IDisposable
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly SafeFileHandle _written;
    private readonly RangeReader _reader;
    private readonly long _rangeBytes;
    private readonly IngestHooks _hooks;
    private readonly Task<string> _running;
    private long _writtenUpTo;
    private long _next;
    private long _wakeAt;
    private bool _complete;
    private bool _abandoned;
    private bool _disposed;

    /// <param name="path">The temporary copy being written.</param>
    /// <param name="written">The copy's write handle (its dirty ranges are written back through it).</param>
    internal ReadBackVerifier(string path, SafeFileHandle written, bool fromDisk, int rangeBytes, int bufferBytes, IngestHooks hooks)
    {
        _path = path;
        _written = written;
        _rangeBytes = rangeBytes;
        _hooks = hooks;
        _reader = RangeReader.Open(path, fromDisk, bufferBytes);
        _running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
    public Task<string> CompleteAsync()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.Pulse(_gate);
        }

        return _running;
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
            _running.Wait();
        }
        catch (AggregateException)
        {
            // Its outcome is the caller's through CompleteAsync; here only its end matters.
        }

        _reader.Dispose();
    }

    private string Run()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            while (NextRange() is var (offset, count) && count > 0)
            {
                var waiting = IngestCpuStages.Start();
                RangeReader.WaitWrittenBack(_written, offset, count);
                IngestCpuStages.Add(IngestCpuStage.VerifyWriteback, waiting);
                _hooks.BeforeVerifyRange?.Invoke(_path, offset, count);
                _reader.ReadInto(hash, offset, count);
                Volatile.Write(ref _next, offset + count);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
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
