using System.Security.Cryptography;
using DockGateway.Cloud.Uploads;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// A chunk's way to the partial: bytes arrive in reads of any size, are hashed, and land at their offsets with their
/// whole pages written with O_DIRECT (/tmp here is ext4, which takes it): chunks that start and end in the middle
/// of a page still read back byte for byte, with both hashes right, and no direct write was refused on the way
/// (a buffer misaligned with its file offset would be refused with EINVAL and fall back to the page cache).
/// </summary>
public sealed class ChunkWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-chunks-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Chunks_starting_and_ending_inside_a_page_read_back_exactly_and_were_written_directly()
    {
        var partials = new PartialDirectory(_root);
        var id = UploadIds.New();
        var content = RandomNumberGenerator.GetBytes((5 << 20) + 4321);
        var cuts = new[] { 0, (1 << 20) + 1234, (1 << 20) + 1234 + 17, (4 << 20) + 99, content.Length };
        using var full = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            var chunk = content.AsMemory(cuts[i], cuts[i + 1] - cuts[i]);
            await using var partial = (FilePartialBlob)partials.Open(id, cuts[i]);
            using var chunkHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var writer = new ChunkWriter(partial, cuts[i], chunkHash, full))
            {
                var sent = 0;
                var read = 7919; // reads of uneven sizes, as the network hands them over
                while (sent < chunk.Length)
                {
                    var count = Math.Min(Math.Min(read, writer.Free.Length), chunk.Length - sent);
                    chunk.Slice(sent, count).CopyTo(writer.Free);
                    await writer.AddAsync(count);
                    sent += count;
                    read = read * 3 % 200_003 + 1;
                }
                await writer.FlushAsync();
                await writer.DrainAsync();
                Assert.Equal(chunk.Length, writer.Written);
            }
            await partial.FlushDurablyAsync(CancellationToken.None);

            Assert.Equal(SHA256.HashData(chunk.Span), chunkHash.GetHashAndReset());
            Assert.True(partial.WritesDirectly, $"chunk {i} (bytes {cuts[i]}-{cuts[i + 1]}): a direct write was refused");
        }

        Assert.Equal(SHA256.HashData(content), full.GetHashAndReset());
        Assert.Equal(content, await File.ReadAllBytesAsync(partials.PathOf(id)));
    }
}
