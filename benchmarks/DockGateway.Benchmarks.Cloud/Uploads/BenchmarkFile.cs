using System.Security.Cryptography;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// One file of the run, built from chunks: the first chunk is the file's own (it carries the file
/// number, so every file has a different SHA-256), the rest are shared, to keep 20 × 256 MiB in
/// about 256 MiB of memory. Chunk digests and the full SHA-256 are computed before timing starts.
/// </summary>
public sealed class BenchmarkFile
{
    private BenchmarkFile(IReadOnlyList<ReadOnlyMemory<byte>> chunks, IReadOnlyList<string> chunkDigests, string sha256)
    {
        Chunks = chunks;
        ChunkDigests = chunkDigests;
        Sha256 = sha256;
        Length = chunks.Sum(c => (long)c.Length);
    }

    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks { get; }

    /// <summary>RFC 9530 <c>Content-Digest</c> value of each chunk.</summary>
    public IReadOnlyList<string> ChunkDigests { get; }

    public string Sha256 { get; }

    public long Length { get; }

    public static IReadOnlyList<BenchmarkFile> Create(int count, long size, int chunkSize)
    {
        var shared = new byte[size];
        RandomNumberGenerator.Fill(shared);
        var bounds = new List<(int Start, int Length)>();
        for (long start = 0; start < size; start += chunkSize)
        {
            bounds.Add(((int)start, (int)Math.Min(chunkSize, size - start)));
        }
        var sharedDigests = bounds.Skip(1).Select(b => Digest(shared.AsSpan(b.Start, b.Length))).ToList();

        var files = new List<BenchmarkFile>(count);
        for (var i = 0; i < count; i++)
        {
            var first = shared.AsSpan(0, bounds[0].Length).ToArray();
            BitConverter.TryWriteBytes(first, i);
            var chunks = new List<ReadOnlyMemory<byte>> { first };
            chunks.AddRange(bounds.Skip(1).Select(b => new ReadOnlyMemory<byte>(shared, b.Start, b.Length)));
            using var full = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var chunk in chunks)
            {
                full.AppendData(chunk.Span);
            }
            files.Add(new BenchmarkFile(chunks, [Digest(first), .. sharedDigests], Convert.ToHexStringLower(full.GetHashAndReset())));
        }
        return files;
    }

    private static string Digest(ReadOnlySpan<byte> chunk) => $"sha-256=:{Convert.ToBase64String(SHA256.HashData(chunk))}:";
}
