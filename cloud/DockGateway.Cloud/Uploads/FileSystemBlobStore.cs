using DockGateway.Cloud.Storage;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// Blobs on the local file system: <c>partial/&lt;upload id&gt;</c> while uploading,
/// <c>sha256/ab/cd/&lt;sha256&gt;</c> once verified. A finished blob is moved in with an atomic
/// rename, so a reader never sees half a file under a hash, and the move is durable before the
/// receipt: the partial is fsync'd, renamed, and then every directory on the way (<c>ab/cd</c>,
/// <c>ab</c>, <c>sha256</c>) and <c>partial</c> are fsync'd. The whole chain is synced after every
/// rename, not only the directories this call created: an earlier attempt may have died between a
/// <c>mkdir</c> and its parent's fsync, leaving a directory that exists but would not survive a power cut.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 20;
    private readonly PartialDirectory _partials;
    private readonly string _blobDirectory;

    public FileSystemBlobStore(IOptions<UploadOptions> options)
    {
        var root = Path.GetFullPath(options.Value.BlobDirectory);
        _partials = new PartialDirectory(Path.Combine(root, "partial"));
        _blobDirectory = Path.Combine(root, "sha256");
        DurableDirectory.Create(_blobDirectory, OwnerOnly.DirectoryMode);
    }

    /// <summary>True when the blob is stored; its directories are fsync'd before saying so, as a receipt may follow
    /// (the blob may be an earlier attempt's rename whose directories a crash left unsynced).</summary>
    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = BlobPath(sha256);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        SyncDirectories(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public Task<IPartialBlob> OpenPartialAsync(string uploadId, long offset, CancellationToken cancellationToken) =>
        Task.FromResult(_partials.Open(uploadId, offset));

    public Stream ReadPartial(string uploadId) => _partials.Read(uploadId);

    public long? PartialLength(string uploadId) => _partials.Length(uploadId);

    public Task CommitAsync(string uploadId, string sha256, CancellationToken cancellationToken)
    {
        var partial = _partials.PathOf(uploadId);
        var target = BlobPath(sha256);
        var targetDirectory = Path.GetDirectoryName(target)!;
        DurableDirectory.Create(targetDirectory, OwnerOnly.DirectoryMode);
        if (!File.Exists(target))
        {
            if (!File.Exists(partial))
            {
                throw new InvalidOperationException($"Upload {uploadId}: neither its partial nor blob {sha256} is stored; there is nothing to commit.");
            }

            _partials.FlushToDisk(uploadId);
            CrashPoint.Reached("cloud-blob-synced");
            try
            {
                File.Move(partial, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                File.Delete(partial); // another upload of the same file was committed meanwhile
            }

            CrashPoint.Reached("cloud-blob-renamed");
        }
        else
        {
            File.Delete(partial); // already stored (the same file uploaded before, or moved before a crash): does nothing when absent
        }

        // Also when nothing moved now: the move may be an earlier attempt's that died before its directories were fsync'd.
        SyncDirectories(targetDirectory);
        DurableDirectory.Sync(_partials.Path);
        return Task.CompletedTask;
    }

    public Task DeletePartialAsync(string uploadId, CancellationToken cancellationToken)
    {
        _partials.Delete(uploadId);
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string sha256)
    {
        var path = BlobPath(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan)
            : null;
    }

    public Task<Stream?> OpenRangeAsync(string sha256, long offset, long length, CancellationToken cancellationToken)
    {
        var path = BlobPath(sha256);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.RandomAccess);
        if (offset < 0 || length < 0 || offset + length > stream.Length)
        {
            var size = stream.Length;
            stream.Dispose();
            throw new ArgumentOutOfRangeException(nameof(length), $"bytes {offset}+{length} run past blob {sha256} ({size} bytes).");
        }

        stream.Position = offset;
        return Task.FromResult<Stream?>(new RangeReadStream(stream, length));
    }

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Delete(BlobPath(sha256)));

    /// <summary>Unlinks a blob and fsyncs its directory, so the deletion its record announced is durable too.</summary>
    private static bool Delete(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        DurableDirectory.Sync(Path.GetDirectoryName(path)!);
        return true;
    }

    /// <summary>fsync(2) on <paramref name="directory"/> and each parent up to and including the blob root <c>sha256/</c>.</summary>
    private void SyncDirectories(string directory)
    {
        for (var current = directory; ; current = Path.GetDirectoryName(current)!)
        {
            DurableDirectory.Sync(current);
            if (current == _blobDirectory)
            {
                return;
            }
        }
    }

    private string BlobPath(string sha256)
    {
        Sha256Hex.Require(sha256);
        return Path.Combine(_blobDirectory, sha256[..2], sha256[2..4], sha256);
    }
}
