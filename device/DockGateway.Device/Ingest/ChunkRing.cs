namespace DockGateway.Device.Ingest;

/// <summary>
/// Page-aligned buffers passed round between two threads of one file, so that one stage's work overlaps
/// the other's within the file: the copy reads and hashes a chunk while the previous one is being written
/// (<see cref="FootageCopier"/>), the read-back hashes a chunk while the next is being read from the disk
/// (<see cref="RangeReader"/>). Chunks are taken in the order they were posted. A stage that fails or stops
/// early calls <see cref="Stop"/>, and the other one's next <see cref="Rent"/> or <see cref="Take"/> returns
/// null instead of waiting for ever; the owner then joins both and throws the failure. A side that has to
/// wait blocks at once (<see cref="Monitor.Wait(object)"/>) and is woken only when it is waiting: no spinning,
/// which cost a third of a CPU-second per GiB with <see cref="SemaphoreSlim"/> at 512 KiB chunks.
/// </summary>
internal sealed class ChunkRing : IDisposable
{
    private readonly object _gate = new();
    private readonly AlignedBuffer[] _buffers;
    private readonly RingChunk[] _posted;
    private bool _stopped;
    private bool _complete;
    private bool _producerWaiting;
    private bool _consumerWaiting;
    private long _rented;
    private long _postedCount;
    private long _taken;
    private long _returned;

    /// <param name="depth">How many chunks may be in flight at once (2: one being filled while one is drained).</param>
    /// <param name="chunkBytes">Each buffer's size, rounded up to whole pages.</param>
    public ChunkRing(int depth, int chunkBytes)
    {
        _buffers = new AlignedBuffer[depth];
        for (var i = 0; i < depth; i++)
        {
            _buffers[i] = new AlignedBuffer(chunkBytes);
        }

        _posted = new RingChunk[depth];
    }

    /// <summary>The producer's next empty buffer once the consumer has handed it back; null once <see cref="Stop"/> was called.</summary>
    public AlignedBuffer? Rent()
    {
        lock (_gate)
        {
            while (!_stopped && _rented - _returned == _buffers.Length)
            {
                _producerWaiting = true;
                Monitor.Wait(_gate);
                _producerWaiting = false;
            }

            return _stopped ? null : _buffers[_rented++ % _buffers.Length];
        }
    }

    /// <summary>Hands the buffer last rented to the consumer: <paramref name="count"/> bytes of the file at <paramref name="offset"/>.</summary>
    public void Post(int count, long offset)
    {
        lock (_gate)
        {
            _posted[_postedCount++ % _posted.Length] = new RingChunk(_buffers[(_rented - 1) % _buffers.Length], count, offset);
            WakeConsumer();
        }
    }

    /// <summary>No more chunks (a buffer rented since the last post stays unused): the consumer's <see cref="Take"/> returns null once it has taken every posted one.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            WakeConsumer();
        }
    }

    /// <summary>The consumer's next chunk in order; null after the last one (<see cref="Complete"/>) or a <see cref="Stop"/>.</summary>
    public RingChunk? Take()
    {
        lock (_gate)
        {
            while (!_stopped && !_complete && _taken == _postedCount)
            {
                _consumerWaiting = true;
                Monitor.Wait(_gate);
                _consumerWaiting = false;
            }

            return _stopped || _taken == _postedCount ? null : _posted[_taken++ % _posted.Length];
        }
    }

    /// <summary>The consumer is done with the chunk last taken: its buffer goes back to the producer.</summary>
    public void Return()
    {
        lock (_gate)
        {
            _returned++;
            if (_producerWaiting)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>One side failed or gave up: wakes the other, whose next call returns null.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
    }

    private void WakeConsumer()
    {
        if (_consumerWaiting)
        {
            Monitor.Pulse(_gate);
        }
    }
}
