using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Faults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// Footage in an S3-compatible bucket under <c>[prefix/]sha256/ab/cd/&lt;sha256&gt;</c>. tus partials stay in the
/// local staging directory (<c>Uploads:BlobDirectory/partial</c>, appends fsync'd) until the commit: the staged
/// file is streamed to S3 (one PUT, or a multipart upload) while it is hashed, the stored object is read back and
/// its size and SHA-256 confirmed, and only then is the partial removed and <see cref="CommitAsync"/> returns, so
/// the receipt that follows names bytes the bucket holds. Any S3 failure throws
/// <see cref="BlobStoreUnavailableException"/> (503 to the dock) with the partial kept, so a retry completes.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly string _bucket;
    private readonly S3BlobKeys _keys;
    private readonly PartialDirectory _partials;
    private readonly S3ObjectWriter _writer;
    private readonly ILogger<S3BlobStore> _logger;

    public S3BlobStore(IOptions<BlobStoreOptions> blobs, IOptions<UploadOptions> uploads, ILogger<S3BlobStore> logger)
    {
        var options = blobs.Value.S3;
        _s3 = S3Connection.CreateClient(options);
        _bucket = options.Bucket;
        _keys = new S3BlobKeys(options.Prefix);
        _partials = new PartialDirectory(Path.Combine(Path.GetFullPath(uploads.Value.BlobDirectory), "partial"));
        _writer = new S3ObjectWriter(_s3, _bucket, options.PartSize, logger);
        _logger = logger;
    }

    /// <summary>HEAD on the object. An object exists only once it was confirmed (see <see cref="CommitAsync"/>).</summary>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) =>
        await LengthAsync(_keys.For(sha256), cancellationToken) is not null;

    public Task<IPartialBlob> OpenPartialAsync(string uploadId, long offset, CancellationToken cancellationToken) =>
        Task.FromResult(_partials.Open(uploadId, offset));

    public Stream ReadPartial(string uploadId) => _partials.Read(uploadId);

    public long? PartialLength(string uploadId) => _partials.Length(uploadId);

    public async Task CommitAsync(string uploadId, string sha256, CancellationToken cancellationToken)
    {
        var key = _keys.For(sha256);
        if (_partials.Length(uploadId) is not { } length)
        {
            // No partial: it is removed only after its object was confirmed, so the object must be there.
            if (await LengthAsync(key, cancellationToken) is null)
            {
                throw new InvalidOperationException($"Upload {uploadId}: neither its partial nor blob {sha256} is stored; there is nothing to commit.");
            }

            return;
        }

        // The same file may be stored already (another upload of it, or this one before a crash): confirm it rather than send it again.
        if (await LengthAsync(key, cancellationToken) != length || await S3ObjectCheck.HashAsync(_s3, _bucket, key, cancellationToken) != (sha256, length))
        {
            await SendAsync(uploadId, key, sha256, length, cancellationToken);
        }

        CrashPoint.Reached("cloud-blob-stored");
        _partials.Delete(uploadId);
    }

    public Task DeletePartialAsync(string uploadId, CancellationToken cancellationToken)
    {
        _partials.Delete(uploadId);
        return Task.CompletedTask;
    }

    /// <summary>A GET of the whole object (sync over async: the interface predates this store), or null when absent.</summary>
    public Stream? OpenRead(string sha256) => OpenReadAsync(sha256, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<Stream?> OpenRangeAsync(string sha256, long offset, long length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var key = _keys.For(sha256);
        if (length == 0)
        {
            // S3 has no empty range: ask for the size instead.
            return await LengthAsync(key, cancellationToken) is { } size
                ? offset <= size ? Stream.Null : throw new ArgumentOutOfRangeException(nameof(offset), $"byte {offset} is past blob {sha256} ({size} bytes).")
                : null;
        }

        try
        {
            var response = await S3Outage.Guard("read part of a file", () => _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                ByteRange = new ByteRange(offset, offset + length - 1),
            }, cancellationToken), cancellationToken);
            if (response.ContentLength != length)
            {
                response.Dispose(); // the server clipped the range at the object's end
                throw new ArgumentOutOfRangeException(nameof(length), $"bytes {offset}+{length} run past blob {sha256}.");
            }

            return new S3ObjectStream(response);
        }
        catch (BlobStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
        catch (BlobStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.RequestedRangeNotSatisfiable })
        {
            throw new ArgumentOutOfRangeException($"bytes {offset}+{length} run past blob {sha256}.", e);
        }
    }

    public async Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = _keys.For(sha256);
        if (await LengthAsync(key, cancellationToken) is null)
        {
            return false; // S3's DELETE answers 204 either way
        }

        await S3Outage.Guard("delete a file", () => _s3.DeleteObjectAsync(_bucket, key, cancellationToken), cancellationToken);
        return true;
    }

    public void Dispose() => _s3.Dispose();

    private async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = _keys.For(sha256);
        try
        {
            var response = await S3Outage.Guard("read a file", () => _s3.GetObjectAsync(_bucket, key, cancellationToken), cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (BlobStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    /// <summary>Sends the staged file, then confirms the stored object; a stored object that differs is deleted.</summary>
    private async Task SendAsync(string uploadId, string key, string sha256, long length, CancellationToken cancellationToken)
    {
        _partials.FlushToDisk(uploadId);
        string sent;
        await using (var staged = _partials.Read(uploadId))
        {
            sent = await _writer.WriteAsync(key, staged, length, cancellationToken);
        }

        CrashPoint.Reached("cloud-blob-sent");
        var stored = await S3ObjectCheck.HashAsync(_s3, _bucket, key, cancellationToken);
        if (sent == sha256 && stored == (sha256, length))
        {
            return;
        }

        _logger.LogError("Upload {Upload}: sent {Sent}, the bucket holds {Stored} ({Length} bytes) under {Key}, expected {Sha256} ({Expected} bytes); deleted",
            uploadId, sent, stored?.Sha256, stored?.Length, key, sha256, length);
        await S3Outage.Guard("delete a mismatching file", () => _s3.DeleteObjectAsync(_bucket, key, cancellationToken), cancellationToken);
        throw new InvalidOperationException($"Upload {uploadId}: the object stored under {key} is not the file {sha256} ({length} bytes); it was deleted and the partial kept.");
    }

    private async Task<long?> LengthAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await S3Outage.Guard("look a file up", () => _s3.GetObjectMetadataAsync(_bucket, key, cancellationToken), cancellationToken);
            return head.ContentLength;
        }
        catch (BlobStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }
}
