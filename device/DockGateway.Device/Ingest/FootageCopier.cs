using System.Buffers;
using System.Security.Cryptography;
using DockGateway.Shared.Storage;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Copies a recorder file to a temporary file while computing its SHA-256 in the same pass (the caller
/// fsyncs it). Two pooled
/// buffers: the next chunk is read from the recorder while the current one is written and hashed in parallel.
/// </summary>
public sealed class FootageCopier(int bufferSize, IngestHooks hooks)
{
    /// <summary>
    /// Copies (or, with a null destination, only hashes) exactly the file's bytes; throws <see cref="SourceChangedException"/> if it is not <paramref name="expectedSize"/> long.
    /// Each chunk written is handed to <paramref name="verifier"/>, which re-reads it from the disk while the copy goes on.
    /// <paramref name="throwIfSourceGone"/> runs after each chunk: an open file stays readable after its
    /// volume vanished (a lazily unmounted card, a deleted folder), so the copy looks for the volume itself.
    /// </summary>
    public async Task<string> CopyAsync(SafeFileHandle source, VolumePath path, long expectedSize, FileStream? destination, ReadBackVerifier? verifier, Action? throwIfSourceGone, CancellationToken cancellationToken)
    {
        var buffers = new[] { CopyBuffers.Pool.Rent(bufferSize), CopyBuffers.Pool.Rent(bufferSize) };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Task<int>? pending = null;
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

                // Three things at once: the next read, this chunk's write (page cache), this chunk's hash.
                pending = ReadAsync(source, buffers[1 - current], offset, cancellationToken);
                var written = destination is null ? Task.CompletedTask : WriteAsync(destination.SafeFileHandle, buffers[current], read, offset - read, cancellationToken);
                var hashing = IngestCpuStages.Start();
                hash.AppendData(buffers[current], 0, read);
                IngestCpuStages.Add(IngestCpuStage.CopyHash, hashing);
                await written;
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
            if (pending is not null)
            {
                try
                {
                    await pending;
                }
                catch (Exception)
                {
                    // The copy already failed for another reason; this read's outcome no longer matters.
                }
            }

            CopyBuffers.Pool.Return(buffers[0]);
            CopyBuffers.Pool.Return(buffers[1]);
        }
    }

    /// <summary>Writes a chunk and starts its writeback at once, so the copy reaches the disk while the rest is copied.</summary>
    private static Task WriteAsync(SafeFileHandle destination, byte[] buffer, int count, long offset, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var started = IngestCpuStages.Start();
                RandomAccess.Write(destination, buffer.AsSpan(0, count), offset);
                Writeback.Start(destination, offset, count);
                IngestCpuStages.Add(IngestCpuStage.CopyWrite, started);
            },
            cancellationToken);

    private static Task<int> ReadAsync(SafeFileHandle source, byte[] buffer, long offset, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var started = IngestCpuStages.Start();
                var read = RandomAccess.Read(source, buffer, offset);
                IngestCpuStages.Add(IngestCpuStage.SourceRead, started);
                return read;
            },
            cancellationToken);
}
