using System.Net;
using System.Runtime.CompilerServices;
using DockGateway.Shared.Http;
using Microsoft.Win32.SafeHandles;

namespace DockGateway.Device.Sync;

/// <summary>
/// One tus chunk streamed from the stored file (<paramref name="chunkLength"/> bytes at <paramref name="offset"/>)
/// through a small buffer, so an upload holds <see cref="BufferBytes"/> whatever <c>Sync:ChunkBytes</c> is
/// (the whole chunk in memory was megabytes, kept per core by ArrayPool.Shared once rented). The buffer is
/// under the large-object threshold: ordinary short-lived garbage. It carries its SHA-256, so the signing
/// handler signs that digest and does not copy the chunk into an array.
/// </summary>
internal sealed class FileChunkContent(SafeFileHandle file, long offset, int chunkLength, byte[] sha256) : HttpContent, IKnownDigestContent
{
    public const int BufferBytes = 64 * 1024;

    /// <summary>SHA-256 of the chunk, computed by the caller from the same file region (the tus Upload-Checksum and the signed Content-Digest).</summary>
    public ReadOnlyMemory<byte> Sha256 => sha256;

    /// <summary>The chunk's bytes, one buffer at a time (the same buffer each time: use each slice before the next).</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(
        SafeFileHandle file, long offset, int chunkLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(BufferBytes, chunkLength)];
        for (var done = 0; done < chunkLength;)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, Math.Min(buffer.Length, chunkLength - done)), offset + done, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the stored file ended at {offset + done}, inside the {chunkLength}-byte chunk at {offset}");
            }

            yield return buffer.AsMemory(0, read);
            done += read;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await foreach (var slice in ReadAsync(file, offset, chunkLength, cancellationToken))
        {
            await stream.WriteAsync(slice, cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = chunkLength;
        return true;
    }
}
