using System.Globalization;
using DockGateway.Shared.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// Blobs on the local file system: <c>partial/&lt;upload id&gt;</c> while uploading,
/// <c>sha256/ab/cd/&lt;sha256&gt;</c> once verified. A finished blob is moved in with an atomic
/// rename, so a reader never sees half a file under a hash.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 20;
    private readonly string _partialDirectory;
    private readonly string _blobDirectory;

    public FileSystemBlobStore(IOptions<UploadOptions> options)
    {
        var root = Path.GetFullPath(options.Value.BlobDirectory);
        _partialDirectory = Path.Combine(root, "partial");
        _blobDirectory = Path.Combine(root, "sha256");
        Directory.CreateDirectory(_partialDirectory);
        Directory.CreateDirectory(_blobDirectory);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(BlobPath(sha256)));

    public Task<IPartialBlob> OpenPartialAsync(string uploadId, long offset, CancellationToken cancellationToken)
    {
        var stream = new FileStream(PartialPath(uploadId), new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
        });
        if (stream.Length < offset)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "Partial upload {0} holds {1} bytes but its recorded offset is {2}.", uploadId, length, offset));
        }
        stream.SetLength(offset);
        stream.Position = offset;
        return Task.FromResult<IPartialBlob>(new FilePartialBlob(stream));
    }

    public Stream ReadPartial(string uploadId) =>
        new FileStream(PartialPath(uploadId), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.SequentialScan);

    public Task CommitAsync(string uploadId, string sha256, CancellationToken cancellationToken)
    {
        var target = BlobPath(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(PartialPath(uploadId));
        }
        else
        {
            File.Move(PartialPath(uploadId), target, overwrite: false);
        }
        return Task.CompletedTask;
    }

    public Task DeletePartialAsync(string uploadId, CancellationToken cancellationToken)
    {
        File.Delete(PartialPath(uploadId));
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string sha256)
    {
        var path = BlobPath(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan)
            : null;
    }

    private string PartialPath(string uploadId) => Path.Combine(_partialDirectory, UploadIds.Require(uploadId));

    private string BlobPath(string sha256)
    {
        Sha256Hex.Require(sha256);
        return Path.Combine(_blobDirectory, sha256[..2], sha256[2..4], sha256);
    }

    private sealed class FilePartialBlob(FileStream stream) : IPartialBlob
    {
        public Stream Content => stream;

        public void StartWriteback() => Writeback.Start(stream.SafeFileHandle);

        public async Task FlushDurablyAsync(CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        public void Truncate(long length)
        {
            stream.SetLength(length);
            stream.Position = length;
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
