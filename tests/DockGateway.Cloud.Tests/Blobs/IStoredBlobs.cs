namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>The footage store's backing (a directory or an S3 bucket) seen without the store under test.</summary>
public interface IStoredBlobs
{
    /// <summary>The bytes stored under the SHA-256, or null.</summary>
    Task<byte[]?> ReadAsync(string sha256);

    /// <summary>How many copies of the SHA-256 are stored (0 or 1 when the store is content-addressed).</summary>
    Task<int> CopiesAsync(string sha256);

    /// <summary>Puts bytes under the SHA-256 directly (a blob an earlier attempt stored before a crash).</summary>
    Task PlantAsync(string sha256, byte[] content);
}
