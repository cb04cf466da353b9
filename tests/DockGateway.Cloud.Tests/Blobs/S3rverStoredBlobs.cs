using Amazon.S3.Model;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>The objects in s3rver's bucket, read and written with the fixture's own client.</summary>
public sealed class S3rverStoredBlobs(S3rverProcess s3rver, string prefix) : IStoredBlobs
{
    public Task<byte[]?> ReadAsync(string sha256) => s3rver.ReadAsync(Key(sha256));

    public async Task<int> CopiesAsync(string sha256) => (await s3rver.KeysAsync()).Count(k => k.EndsWith("/" + sha256, StringComparison.Ordinal));

    public Task PlantAsync(string sha256, byte[] content) => s3rver.Client.PutObjectAsync(new PutObjectRequest
    {
        BucketName = s3rver.Bucket,
        Key = Key(sha256),
        InputStream = new MemoryStream(content),
        UseChunkEncoding = false,
    });

    public string Key(string sha256) => $"{prefix}sha256/{sha256[..2]}/{sha256[2..4]}/{sha256}";
}
