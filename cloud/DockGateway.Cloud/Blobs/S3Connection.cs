using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace DockGateway.Cloud.Blobs;

/// <summary>Builds the S3 client from <c>Cloud:Blobs:S3</c>; every problem is reported naming its key.</summary>
public static class S3Connection
{
    /// <summary>The credentials: the profile of <c>CredentialsFile</c> when set, else the standard environment variables.</summary>
    public static AWSCredentials Credentials(S3BlobOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CredentialsFile))
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
                || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")))
            {
                throw new S3SettingException($"{S3BlobOptions.Path}:CredentialsFile",
                    "is empty and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set: the S3 store has no credentials.");
            }

            return new EnvironmentVariablesAWSCredentials();
        }

        if (!File.Exists(options.CredentialsFile))
        {
            throw new S3SettingException($"{S3BlobOptions.Path}:CredentialsFile", $"{options.CredentialsFile} does not exist.");
        }

        var file = new SharedCredentialsFile(options.CredentialsFile);
        if (!file.TryGetProfile(options.Profile, out var profile)
            || !AWSCredentialsFactory.TryGetAWSCredentials(profile, file, out var credentials))
        {
            throw new S3SettingException($"{S3BlobOptions.Path}:Profile",
                $"{options.CredentialsFile} has no usable profile [{options.Profile}] (aws_access_key_id and aws_secret_access_key).");
        }

        return credentials;
    }

    public static AmazonS3Client CreateClient(S3BlobOptions options, int maxErrorRetry = 2)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = options.Timeout,
            MaxErrorRetry = maxErrorRetry,
            // AWSSDK v4 by default adds a CRC checksum to every upload, sent as an aws-chunked trailer, and validates
            // response checksums. Simple S3-compatible servers store the aws-chunked framing as object data (s3rver 3.7
            // does: the read-back below then refuses every object) or reject the trailer. So: checksums only where an
            // operation requires them, plain Content-Length bodies (UseChunkEncoding = false on each PUT), and the
            // store confirms each stored object itself (its SHA-256 and size, read back) before a receipt is signed.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return new AmazonS3Client(Credentials(options), config);
    }
}
