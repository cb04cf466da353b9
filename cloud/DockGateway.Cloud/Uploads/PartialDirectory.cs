using System.Globalization;
using DockGateway.Shared.Storage;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// The local staging directory of unfinished tus uploads, <c>&lt;Uploads:BlobDirectory&gt;/partial/&lt;upload id&gt;</c>,
/// whichever store keeps the finished blobs: appends are fsync'd before the offset advances, and a partial
/// is removed only once its blob is durably stored.
/// </summary>
public sealed class PartialDirectory
{
    private const int BufferSize = 1 << 20;

    public PartialDirectory(string path)
    {
        Path = path;
        DurableDirectory.Create(path, OwnerOnly.DirectoryMode);
    }

    public string Path { get; }

    /// <summary>The partial's file (whether or not it exists).</summary>
    public string PathOf(string uploadId) => System.IO.Path.Combine(Path, UploadIds.Require(uploadId));

    /// <inheritdoc cref="IBlobStore.OpenPartialAsync"/>
    public IPartialBlob Open(string uploadId, long offset)
    {
        var stream = new FileStream(PathOf(uploadId), OwnerOnly.Restrict(new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        })); // 0600, kept by the file-system store's rename; unbuffered: each write is one pwrite(2) (ChunkWriter's run on the thread pool)
        if (stream.Length < offset)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "Partial upload {0} holds {1} bytes but its recorded offset is {2}.", uploadId, length, offset));
        }
        stream.SetLength(offset);
        stream.Position = offset;
        return new FilePartialBlob(stream);
    }

    /// <summary>Reads the partial from its start.</summary>
    public FileStream Read(string uploadId) =>
        new(PathOf(uploadId), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    /// <summary>The partial's length in bytes, or null when there is none.</summary>
    public long? Length(string uploadId)
    {
        var partial = new FileInfo(PathOf(uploadId));
        return partial.Exists ? partial.Length : null;
    }

    /// <summary>Removes the partial (nothing when absent) and fsyncs the directory.</summary>
    public void Delete(string uploadId)
    {
        File.Delete(PathOf(uploadId));
        DurableDirectory.Sync(Path);
    }

    /// <summary>fsync(2) on the partial, so its bytes are on disk before it is moved under its hash.</summary>
    public void FlushToDisk(string uploadId) => DurableFile.Sync(PathOf(uploadId));
}
