using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// The start-up check of the S3 store: a HEAD on the bucket with the configured endpoint and credentials, so a
/// wrong endpoint, bucket or key stops the cloud naming the setting instead of failing the first upload.
/// </summary>
public static class S3BucketCheck
{
    /// <summary>Null when the bucket answers; otherwise the problem, starting with the key to fix.</summary>
    public static string? Problem(S3BlobOptions options)
    {
        var endpoint = string.IsNullOrWhiteSpace(options.ServiceUrl) ? $"AWS S3 ({options.Region})" : options.ServiceUrl;
        try
        {
            using var s3 = S3Connection.CreateClient(options, maxErrorRetry: 0);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            s3.HeadBucketAsync(new HeadBucketRequest { BucketName = options.Bucket }, timeout.Token).GetAwaiter().GetResult();
            return null;
        }
        catch (S3SettingException e)
        {
            return e.Message;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return $"{S3BlobOptions.Path}:Bucket: there is no bucket '{options.Bucket}' at {endpoint} (create it first).";
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return $"{S3BlobOptions.Path}:CredentialsFile (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY): {endpoint} refused access to bucket '{options.Bucket}' ({(int)e.StatusCode} {e.ErrorCode}).";
        }
        catch (Exception e) when (S3Outage.IsOutage(e, CancellationToken.None) || e is UriFormatException)
        {
            return $"{S3BlobOptions.Path}:ServiceUrl: bucket '{options.Bucket}' cannot be reached at {endpoint}: {Innermost(e).Message}";
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
