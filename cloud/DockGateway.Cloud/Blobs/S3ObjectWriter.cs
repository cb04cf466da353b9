using System.Buffers;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// Streams a staged file to one S3 object while hashing it: a single PUT when it fits in one part, otherwise a
/// multipart upload of <c>PartSize</c> parts (aborted when any step fails). Returns the SHA-256 of what was sent.
/// </summary>
public sealed class S3ObjectWriter(IAmazonS3 s3, string bucket, int partSize, ILogger logger)
{
    public async Task<string> WriteAsync(string key, Stream source, long length, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(partSize, Math.Max(length, 1)));
        try
        {
            if (length <= partSize)
            {
                var read = await FillAsync(source, buffer, (int)length, cancellationToken);
                hash.AppendData(buffer, 0, read);
                await S3Outage.Guard("store the file", () => s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                    UseChunkEncoding = false, // plain Content-Length bodies: see S3Connection on aws-chunked
                    AutoCloseStream = true,
                }, cancellationToken), cancellationToken);
            }
            else
            {
                await MultipartAsync(key, source, buffer, hash, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task MultipartAsync(string key, Stream source, byte[] buffer, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var started = await S3Outage.Guard("start a multipart upload", () => s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken), cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            int read;
            while ((read = await FillAsync(source, buffer, partSize, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                var number = parts.Count + 1;
                var part = await S3Outage.Guard($"store part {number}", () => s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = started.UploadId,
                    PartNumber = number,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                    PartSize = read,
                    UseChunkEncoding = false,
                }, cancellationToken), cancellationToken);
                parts.Add(new PartETag(number, part.ETag));
            }

            await S3Outage.Guard("complete the multipart upload", () => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = started.UploadId,
                PartETags = parts,
            }, cancellationToken), cancellationToken);
        }
        catch
        {
            await AbortAsync(key, started.UploadId);
            throw;
        }
    }

    /// <summary>Best effort: the server may be down (the parts then wait for a lifecycle rule) or not support it.</summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId });
        }
        catch (Exception e) when (S3Outage.IsOutage(e, CancellationToken.None))
        {
            logger.LogWarning("Multipart upload {UploadId} of {Key} could not be aborted ({Reason}); its parts stay until a lifecycle rule removes them",
                uploadId, key, e.Message);
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < count && (read = await source.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
