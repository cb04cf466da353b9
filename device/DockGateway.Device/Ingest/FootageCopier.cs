using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Copies a recorder file to a temporary file while computing its SHA-256 in the same pass (the caller
/// fsyncs it), on a thread of its own per copy (a slot copies one file at a time): read a chunk from the
/// recorder, hash it, write it (<see cref="CopyWriter"/>, <c>O_DIRECT</c>, which waits for the disk). A
/// <c>pipelined</c> copy (one slot copying alone, <see cref="CopyConcurrency"/>) writes on a second thread,
/// handed chunks through a <see cref="ChunkRing"/> of two page-aligned buffers, so the next chunk is read
/// and hashed while the one before it is written. No hand-off to the thread pool per chunk (they cost
/// 0.3-0.6 CPU-s per GiB). The read-back of step 3 (<see cref="ReadBackVerifier"/>) follows the writes on
/// threads of its own. Each buffer is filled whole before it is written, so every chunk but the last starts
/// and ends on a page boundary, as <c>O_DIRECT</c> writes need.
/// </summary>
public sealed class FootageCopier(int bufferSize, IngestHooks hooks)
{
    /// <summary>
    /// Copies (or, with a null destination, only hashes) exactly the file's bytes; throws <see cref="SourceChangedException"/> if it is not <paramref name="expectedSize"/> long.
    /// Each chunk written is handed to <paramref name="verifier"/>, which re-reads it from the disk while the copy goes on.
    /// <paramref name="throwIfSourceGone"/> runs after each chunk: an open file stays readable after its
    /// volume vanished (a lazily unmounted card, a deleted folder), so the copy looks for the volume itself.
    /// Cancellation (the recorder pulled out, the service stopping) is seen after each chunk.
    /// <paramref name="pipelined"/>: write on a second thread while the next chunk is read.
    /// </summary>
    internal Task<string> CopyAsync(SafeFileHandle source, VolumePath path, long expectedSize, CopyWriter? destination, ReadBackVerifier? verifier, bool pipelined, Action? throwIfSourceGone, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Copy(source, path, expectedSize, new CopySink(destination, verifier), pipelined, throwIfSourceGone, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private string Copy(SafeFileHandle source, VolumePath path, long expectedSize, CopySink sink, bool pipelined, Action? throwIfSourceGone, CancellationToken cancellationToken)
    {
        var threaded = pipelined && sink.Destination is not null;
        using var ring = new ChunkRing(threaded ? 2 : 1, bufferSize);
        var writing = threaded ? Task.Factory.StartNew(
            () => Drain(ring, path, sink), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default) : null;
        try
        {
            var sha256 = Produce(ring, source, path, expectedSize, threaded ? null : sink, throwIfSourceGone, cancellationToken);
            writing?.GetAwaiter().GetResult(); // every chunk written, or the write's failure thrown here
            return sha256;
        }
        catch
        {
            ring.Stop();
            if (writing is not null)
            {
                // The buffers are freed when this returns: the writer must be done with them. Its own failure, if
                // any, caused this one (Produce stopped because the ring stopped) and is thrown instead.
                ((IAsyncResult)writing).AsyncWaitHandle.WaitOne();
                writing.GetAwaiter().GetResult();
            }

            throw;
        }
    }

    /// <summary>
    /// Reads and hashes the file chunk by chunk into the ring, and writes each chunk itself to
    /// <paramref name="inline"/> when no writer thread drains the ring; the SHA-256, once the last chunk is posted.
    /// </summary>
    private string Produce(ChunkRing ring, SafeFileHandle source, VolumePath path, long expectedSize, CopySink? inline, Action? throwIfSourceGone, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested(); // before each read, as the thread-pool reads were
            var buffer = ring.Rent() ?? throw new IOException($"the copy of '{path.Display}' stopped");
            var read = Read(source, buffer, offset);
            if (read == 0)
            {
                break;
            }

            offset += read;
            if (offset > expectedSize)
            {
                throw new SourceChangedException($"'{path.Display}' grew while being copied (more than {expectedSize} bytes)");
            }

            Hash(hash, buffer, read);
            ring.Post(read, offset - read);
            if (inline is not null)
            {
                WriteChunk(path, inline, ring.Take()!.Value); // no writer thread: this one drains the ring
                ring.Return();
            }

            throwIfSourceGone?.Invoke();
            hooks.AfterChunk?.Invoke(path, offset);
            hooks.AfterChunkCancellable?.Invoke(path, offset, cancellationToken);
            if (read < buffer.Length)
            {
                break; // the end of the file (a file that grew since is caught by the caller's stat)
            }
        }

        if (offset != expectedSize)
        {
            throw new SourceChangedException($"'{path.Display}' is truncated: read {offset} of {expectedSize} bytes");
        }

        ring.Complete();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The writer thread: writes each chunk in order, until the last one.</summary>
    private void Drain(ChunkRing ring, VolumePath path, CopySink sink)
    {
        try
        {
            while (ring.Take() is { } chunk)
            {
                WriteChunk(path, sink, chunk);
                ring.Return();
            }
        }
        catch
        {
            ring.Stop();
            throw;
        }
    }

    /// <summary>Writes a chunk and tells the read-back it is there.</summary>
    private void WriteChunk(VolumePath path, CopySink sink, RingChunk chunk)
    {
        if (sink.Destination is null)
        {
            return; // only hashing
        }

        hooks.BeforeChunkWrite?.Invoke(path, chunk.Offset);
        Write(sink.Destination, chunk.Buffer, chunk.Count, chunk.Offset);
        sink.Verifier?.Written(chunk.Offset + chunk.Count);
    }

    private static void Hash(IncrementalHash hash, AlignedBuffer buffer, int count)
    {
        var started = IngestCpuStages.Start();
        hash.AppendData(buffer.Span(count));
        IngestCpuStages.Add(IngestCpuStage.CopyHash, started);
    }

    private static void Write(CopyWriter destination, AlignedBuffer buffer, int count, long offset)
    {
        var started = IngestCpuStages.Start();
        destination.Write(buffer, count, offset);
        IngestCpuStages.Add(IngestCpuStage.CopyWrite, started);
    }

    /// <summary>Fills the buffer (fewer bytes only at the end of the file), so chunks stay page-aligned.</summary>
    private static int Read(SafeFileHandle source, AlignedBuffer buffer, long offset)
    {
        var started = IngestCpuStages.Start();
        var filled = 0;
        int read;
        do
        {
            read = RandomAccess.Read(source, buffer.Span(buffer.Length)[filled..], offset + filled);
            filled += read;
        }
        while (read > 0 && filled < buffer.Length);

        IngestCpuStages.Add(IngestCpuStage.SourceRead, started);
        return filled;
    }
}
