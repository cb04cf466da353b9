using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Copies a recorder file to a temporary file while computing its SHA-256 in the same pass. Two pooled
/// buffers: the next chunk is read from the recorder while the current one is hashed and written.
/// </summary>
public sealed class FootageCopier(int bufferSize, IngestHooks hooks)
{
    /// <summary>Copies (or, with a null destination, only hashes) exactly the file's bytes; throws <see cref="SourceChangedException"/> if it is not <paramref name="expectedSize"/> long.</summary>
    public async Task<string> CopyAsync(SafeFileHandle source, VolumePath path, long expectedSize, FileStream? destination, CancellationToken cancellationToken)
    {
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(bufferSize), ArrayPool<byte>.Shared.Rent(bufferSize) };
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

                pending = ReadAsync(source, buffers[1 - current], offset, cancellationToken);
                hash.AppendData(buffers[current], 0, read);
                if (destination is not null)
                {
                    await destination.WriteAsync(buffers[current].AsMemory(0, read), cancellationToken);
                }

                hooks.AfterChunk?.Invoke(path, offset);
                current = 1 - current;
            }

            if (offset != expectedSize)
            {
                throw new SourceChangedException($"'{path.Display}' is truncated: read {offset} of {expectedSize} bytes");
            }

            destination?.Flush(flushToDisk: true);
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

            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private static Task<int> ReadAsync(SafeFileHandle source, byte[] buffer, long offset, CancellationToken cancellationToken) =>
        Task.Run(() => RandomAccess.Read(source, buffer, offset), cancellationToken);
}
