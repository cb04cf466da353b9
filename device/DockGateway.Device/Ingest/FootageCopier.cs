using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Copies a recorder file to a temporary file while computing its SHA-256 in the same pass (the caller
/// fsyncs it). Two page-aligned native buffers (<see cref="AlignedBuffer"/>), each filled whole before it
/// is written, so every chunk but the last starts and ends on a page boundary (as <c>O_DIRECT</c> writes
/// need, <see cref="CopyWriter"/>): the next chunk is read from the recorder while the current one is
/// written and hashed in parallel.
/// </summary>
public sealed class FootageCopier(int bufferSize, IngestHooks hooks)
{
    /// <summary>
    /// Copies (or, with a null destination, only hashes) exactly the file's bytes; throws <see cref="SourceChangedException"/> if it is not <paramref name="expectedSize"/> long.
    /// Each chunk written is handed to <paramref name="verifier"/>, which re-reads it from the disk while the copy goes on.
    /// <paramref name="throwIfSourceGone"/> runs after each chunk: an open file stays readable after its
    /// volume vanished (a lazily unmounted card, a deleted folder), so the copy looks for the volume itself.
    /// </summary>
    internal async Task<string> CopyAsync(SafeFileHandle source, VolumePath path, long expectedSize, CopyWriter? destination, ReadBackVerifier? verifier, Action? throwIfSourceGone, CancellationToken cancellationToken)
    {
        using var first = new AlignedBuffer(bufferSize);
        using var second = new AlignedBuffer(bufferSize);
        var buffers = new[] { first, second };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Task<int>? pending = null;
        Task? written = null;
        try
        {
            long offset = 0;
            var current = 0;
            pending = ReadAsync(source, buffers[current], offset, cancellationToken);
            while (true)
            {
                var read = await pending;
                pending = null;
                if (read == 0)
                {
                    break;
                }

                offset += read;
                if (offset > expectedSize)
                {
                    throw new SourceChangedException($"'{path.Display}' grew while being copied (more than {expectedSize} bytes)");
                }

                // Three things at once: the next read, this chunk's write, this chunk's hash.
                pending = read < buffers[current].Length ? Task.FromResult(0) : ReadAsync(source, buffers[1 - current], offset, cancellationToken);
                written = destination is null ? null : WriteAsync(destination, buffers[current], read, offset - read, cancellationToken);
                Hash(hash, buffers[current], read);
                if (written is not null)
                {
                    await written;
                    written = null;
                }
                verifier?.Written(offset);

                throwIfSourceGone?.Invoke();
                hooks.AfterChunk?.Invoke(path, offset);
                hooks.AfterChunkCancellable?.Invoke(path, offset, cancellationToken);
                current = 1 - current;
            }

            if (offset != expectedSize)
            {
                throw new SourceChangedException($"'{path.Display}' is truncated: read {offset} of {expectedSize} bytes");
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            // The buffers are freed on the way out: no read or write may still be using them.
            foreach (var task in new Task?[] { pending, written })
            {
                try
                {
                    await (task ?? Task.CompletedTask);
                }
                catch (Exception)
                {
                    // The copy already failed for another reason; this outcome no longer matters.
                }
            }
        }
    }

    private static void Hash(IncrementalHash hash, AlignedBuffer buffer, int count)
    {
        var started = IngestCpuStages.Start();
        hash.AppendData(buffer.Span(count));
        IngestCpuStages.Add(IngestCpuStage.CopyHash, started);
    }

    private static Task WriteAsync(CopyWriter destination, AlignedBuffer buffer, int count, long offset, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var started = IngestCpuStages.Start();
                destination.Write(buffer, count, offset);
                IngestCpuStages.Add(IngestCpuStage.CopyWrite, started);
            },
            cancellationToken);

    /// <summary>Fills the buffer (fewer bytes only at the end of the file), so chunks stay page-aligned.</summary>
    private static Task<int> ReadAsync(SafeFileHandle source, AlignedBuffer buffer, long offset, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
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
            },
            cancellationToken);
}
