namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>The file-system store's <c>sha256/ab/cd/&lt;sha256&gt;</c> files under its root.</summary>
public sealed class FileSystemStoredBlobs(string root) : IStoredBlobs
{
    public async Task<byte[]?> ReadAsync(string sha256) => File.Exists(PathOf(sha256)) ? await File.ReadAllBytesAsync(PathOf(sha256)) : null;

    public Task<int> CopiesAsync(string sha256) => Task.FromResult(Directory.Exists(Path.Combine(root, "sha256"))
        ? Directory.GetFiles(Path.Combine(root, "sha256"), sha256, SearchOption.AllDirectories).Length
        : 0);

    public async Task PlantAsync(string sha256, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(sha256))!);
        await File.WriteAllBytesAsync(PathOf(sha256), content);
    }

    private string PathOf(string sha256) => Path.Combine(root, "sha256", sha256[..2], sha256[2..4], sha256);
}
