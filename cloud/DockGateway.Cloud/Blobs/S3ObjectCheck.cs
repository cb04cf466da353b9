using System.Net;
using System.Security.Cryptography;
using Amazon.S3;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// Reads a stored object back and hashes it: the confirmation that works on every S3-compatible server (s3rver,
/// MinIO, Ceph RGW and AWS S3 alike), where checksum headers differ or are missing (a multipart object's SHA-256
/// header, where there is one, is a checksum of part checksums, not the file's).
/// </summary>
public static class S3ObjectCheck
{
    /// <summary>The object's SHA-256 (lower-case hex) and size, or null when it is not stored.</summary>
    public static async Task<(string Sha256, long Length)?> HashAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await S3Outage.Guard("read back a stored file", async () =>
            {
                using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
                await using var counted = new CountingStream(response.ResponseStream);
                var hash = await SHA256.HashDataAsync(counted, cancellationToken);
                return (Convert.ToHexStringLower(hash), counted.Count);
            }, cancellationToken);
        }
        catch (BlobStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }
}
