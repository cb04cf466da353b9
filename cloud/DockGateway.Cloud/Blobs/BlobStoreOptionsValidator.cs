using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Blobs;

/// <summary>
/// Checks <c>Cloud:Blobs</c> at start; every message names its key. For the S3 store the settings are checked
/// first, then the bucket is asked for (<see cref="S3BucketCheck"/>), before anything else opens.
/// </summary>
public sealed class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        if (options.Store != BlobStoreKind.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            failures.Add($"{S3BlobOptions.Path}:Bucket must name the bucket footage is kept in (Cloud:Blobs:Store is S3).");
        }

        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add($"{S3BlobOptions.Path}:ServiceUrl must be an http:// or https:// URL (was '{s3.ServiceUrl}').");
        }

        if (string.IsNullOrWhiteSpace(s3.Region))
        {
            failures.Add($"{S3BlobOptions.Path}:Region must not be empty.");
        }

        if (s3.PartSize < S3BlobOptions.MinimumPartSize)
        {
            failures.Add($"{S3BlobOptions.Path}:PartSize must be at least {S3BlobOptions.MinimumPartSize} bytes, S3's smallest part (was {s3.PartSize}).");
        }

        if (s3.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{S3BlobOptions.Path}:Timeout must be positive (was {s3.Timeout}).");
        }

        if (failures.Count == 0 && S3BucketCheck.Problem(s3) is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
