using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Copies a recorder file to a temporary file while computing its SHA-256 in the same pass (the caller
/// fsyncs it). One thread of its own per copy (a slot copies one file at a time) runs the loop
/// synchronously: read a chunk from the recorder, hash it, write it (<see cref="CopyWriter"/>: through the page cache when it copies alone, <c>O_DIRECT</c> beside other copies, <see cref="CopyConcurrency"/>),
/// with no hand-off to the thread pool per chunk (they cost 0.3-0.6 CPU-s per GiB); the read-back of
/// step 3 (<see cref="ReadBackVerifier"/>) runs on a thread of its own alongside. One page-aligned native
/// buffer (<see cref="AlignedBuffer"/>), filled whole before it is written, so every chunk but the last
/// starts and ends on a page boundary, as <c>O_DIRECT</c> writes need.
/// </summary>
public sealed class FootageCopier(IngestHooks hooks)
{
    /// <summary>
    /// Copies (or, with a null destination, only hashes) exactly the file's bytes, <paramref name="bufferBytes"/> at a time; throws <see cref="SourceChangedException"/> if it is not <paramref name="expectedSize"/> long.
    /// Each chunk written is handed to <paramref name="verifier"/>, which re-reads it from the disk while the copy goes on.
    /// <paramref name="throwIfSourceGone"/> runs after each chunk: an open file stays readable after its
    /// volume vanished (a lazily unmounted card, a deleted folder), so the copy looks for the volume itself.
    /// Cancellation (the recorder pulled out, the service stopping) is seen after each chunk.
    /// </summary>
    internal Task<string> CopyAsync(SafeFileHandle source, VolumePath path, long expectedSize, int bufferBytes, CopyWriter? destination, ReadBackVerifier? verifier, Action? throwIfSourceGone, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Copy(source, path, expectedSize, bufferBytes, destination, verifier, throwIfSourceGone, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private string Copy(SafeFileHandle source, VolumePath path, long expectedSize, int bufferBytes, CopyWriter? destination, ReadBackVerifier? verifier, Action? throwIfSourceGone, CancellationToken cancellationToken)
    {
        using var buffer = new AlignedBuffer(bufferBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested(); // before each read, as the thread-pool reads were
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
            if (destination is not null)
            {
                Write(destination, buffer, read, offset - read);
            }

            verifier?.Written(offset);
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

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
