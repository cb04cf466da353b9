using System.Security.Cryptography;
using DockGateway.Cloud.Blobs;
using DockGateway.Cloud.Uploads;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Cloud.Tests.Blobs;

/// <summary>
/// The footage store's contract, run on each store (file system, S3 on a real s3rver): a committed blob exists,
/// reads back and can be deleted (by the retention job) while other blobs and partials stay; a commit with
/// nothing to commit is refused; a file larger than one S3 part round-trips whole.
/// </summary>
public abstract class BlobStoreTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-blobs-").FullName;
    private IBlobStore? _blobs;

    protected string Root => _root;

    protected IBlobStore Blobs => _blobs!;

    protected abstract IStoredBlobs Stored { get; }

    public virtual async Task InitializeAsync() => _blobs = await CreateAsync(new UploadOptions { BlobDirectory = _root });

    public virtual Task DisposeAsync()
    {
        (_blobs as IDisposable)?.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [VariantFact]
    public async Task Commit_stores_the_file_which_exists_reads_back_and_can_be_deleted_alone()
    {
        var keptBytes = "kept footage"u8.ToArray();
        var kept = await CommitAsync(keptBytes);
        var deleted = await CommitAsync("deleted footage"u8.ToArray());
        var pending = UploadIds.New();
        await WritePartialAsync(pending, "still uploading"u8.ToArray());

        Assert.True(await Blobs.ExistsAsync(kept, CancellationToken.None));
        Assert.Equal(keptBytes, await ReadAsync(kept));
        Assert.Equal(keptBytes, await Stored.ReadAsync(kept));
        Assert.True(await Blobs.DeleteAsync(deleted, CancellationToken.None));

        Assert.False(await Blobs.ExistsAsync(deleted, CancellationToken.None));
        Assert.Null(Blobs.OpenRead(deleted));
        Assert.Null(await Stored.ReadAsync(deleted));
        Assert.True(await Blobs.ExistsAsync(kept, CancellationToken.None));
        Assert.Equal(15, Blobs.PartialLength(pending));
        Assert.False(await Blobs.DeleteAsync(deleted, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Blobs.DeleteAsync("../../etc/passwd", CancellationToken.None));
    }

    [VariantFact]
    public async Task A_file_of_several_parts_is_stored_whole_and_its_partial_removed()
    {
        var content = RandomNumberGenerator.GetBytes((12 << 20) + 12345); // three 5 MiB parts on S3
        var uploadId = UploadIds.New();
        await WritePartialAsync(uploadId, content);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        await Blobs.CommitAsync(uploadId, sha256, CancellationToken.None);

        Assert.Null(Blobs.PartialLength(uploadId));
        Assert.Equal(content, await Stored.ReadAsync(sha256));
        Assert.Equal(content, await ReadAsync(sha256));
        Assert.Equal(1, await Stored.CopiesAsync(sha256));
    }

    [VariantFact]
    public async Task A_range_reads_exactly_those_bytes_also_across_parts()
    {
        var content = RandomNumberGenerator.GetBytes((11 << 20) + 99);
        var uploadId = UploadIds.New();
        await WritePartialAsync(uploadId, content);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await Blobs.CommitAsync(uploadId, sha256, CancellationToken.None);

        foreach (var (offset, length) in new[] { (0, 10), ((5 << 20) - 3, 7), (content.Length - 5, 5), (1234, 3 << 20), (content.Length, 0) })
        {
            Assert.Equal(content[offset..(offset + length)], await ReadRangeAsync(sha256, offset, length));
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Blobs.OpenRangeAsync(sha256, content.Length - 5, 6, CancellationToken.None));
        Assert.Null(await Blobs.OpenRangeAsync(Convert.ToHexStringLower(SHA256.HashData("absent"u8)), 0, 1, CancellationToken.None));
    }

    [VariantFact]
    public async Task Committing_a_file_already_stored_keeps_one_copy_and_removes_the_partial()
    {
        var content = "the same clip twice"u8.ToArray();
        var sha256 = await CommitAsync(content);
        var second = UploadIds.New();
        await WritePartialAsync(second, content);

        await Blobs.CommitAsync(second, sha256, CancellationToken.None);

        Assert.Null(Blobs.PartialLength(second));
        Assert.Equal(1, await Stored.CopiesAsync(sha256));
        Assert.Equal(content, await ReadAsync(sha256));
    }

    [VariantFact]
    public async Task Commit_with_neither_partial_nor_blob_is_refused()
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData("never sent"u8));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Blobs.CommitAsync(UploadIds.New(), sha256, CancellationToken.None));
        Assert.False(await Blobs.ExistsAsync(sha256, CancellationToken.None));
    }

    protected abstract Task<IBlobStore> CreateAsync(UploadOptions uploads);

    private async Task<string> CommitAsync(byte[] content)
    {
        var uploadId = UploadIds.New();
        await WritePartialAsync(uploadId, content);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await Blobs.CommitAsync(uploadId, sha256, CancellationToken.None);
        return sha256;
    }

    private async Task WritePartialAsync(string uploadId, byte[] content)
    {
        await using var partial = await Blobs.OpenPartialAsync(uploadId, 0, CancellationToken.None);
        await partial.WriteAsync(content, 0);
        await partial.FlushDurablyAsync(CancellationToken.None);
    }

    private async Task<byte[]> ReadRangeAsync(string sha256, long offset, long length)
    {
        await using var stream = await Blobs.OpenRangeAsync(sha256, offset, length, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<byte[]?> ReadAsync(string sha256)
    {
        await using var stream = Blobs.OpenRead(sha256);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class BlobStoreTestsOnFileSystem : BlobStoreTests
{
    protected override IStoredBlobs Stored => new FileSystemStoredBlobs(Root);

    protected override Task<IBlobStore> CreateAsync(UploadOptions uploads) =>
        Task.FromResult<IBlobStore>(new FileSystemBlobStore(Options.Create(uploads)));
}

[VariantNeeds(Needs.S3rver)]
public sealed class BlobStoreTestsOnS3 : BlobStoreTests
{
    private S3rverProcess? _s3rver;

    protected override IStoredBlobs Stored => new S3rverStoredBlobs(_s3rver!, "footage/");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_s3rver is not null)
        {
            await _s3rver.DisposeAsync();
        }
    }

    protected override async Task<IBlobStore> CreateAsync(UploadOptions uploads)
    {
        if (Requirements.Reason(Needs.S3rver) is not null)
        {
            return new FileSystemBlobStore(Options.Create(uploads)); // skipped anyway
        }

        _s3rver = await S3rverProcess.StartAsync();
        var options = new BlobStoreOptions
        {
            Store = BlobStoreKind.S3,
            S3 = new S3BlobOptions
            {
                ServiceUrl = _s3rver.ServiceUrl,
                Bucket = _s3rver.Bucket,
                CredentialsFile = _s3rver.CredentialsFile,
                Prefix = "footage",
                PartSize = S3BlobOptions.MinimumPartSize,
            },
        };
        return new S3BlobStore(Options.Create(options), Options.Create(uploads), NullLogger<S3BlobStore>.Instance);
    }
}
