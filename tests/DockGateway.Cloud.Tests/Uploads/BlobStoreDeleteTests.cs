using System.Security.Cryptography;
using DockGateway.Cloud.Uploads;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>A finished blob can be deleted (by the retention job); other blobs and partials stay.</summary>
public sealed class BlobStoreDeleteTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-blob-delete-").FullName;

    [Fact]
    public async Task Delete_removes_only_that_blob_and_says_whether_it_was_there()
    {
        var blobs = new FileSystemBlobStore(Options.Create(new UploadOptions { BlobDirectory = _root }));
        var kept = await CommitAsync(blobs, "kept footage"u8.ToArray());
        var deleted = await CommitAsync(blobs, "deleted footage"u8.ToArray());

        Assert.True(await blobs.DeleteAsync(deleted, CancellationToken.None));

        Assert.False(await blobs.ExistsAsync(deleted, CancellationToken.None));
        Assert.Null(blobs.OpenRead(deleted));
        Assert.True(await blobs.ExistsAsync(kept, CancellationToken.None));
        Assert.False(await blobs.DeleteAsync(deleted, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => blobs.DeleteAsync("../../etc/passwd", CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<string> CommitAsync(FileSystemBlobStore blobs, byte[] content)
    {
        var uploadId = UploadIds.New();
        await using (var partial = await blobs.OpenPartialAsync(uploadId, 0, CancellationToken.None))
        {
            await partial.Content.WriteAsync(content);
            await partial.FlushDurablyAsync(CancellationToken.None);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await blobs.CommitAsync(uploadId, sha256, CancellationToken.None);
        return sha256;
    }
}
