using DockGateway.Cloud.Uploads;

namespace DockGateway.Cloud.Blobs;

/// <summary>Object keys of the S3 store: <c>[&lt;prefix&gt;/]sha256/ab/cd/&lt;sha256&gt;</c>, as the file-system store lays out its files.</summary>
public sealed class S3BlobKeys(string prefix)
{
    private readonly string _prefix = prefix.Trim('/') is { Length: > 0 } trimmed ? trimmed + "/" : "";

    /// <summary>The key of the blob with this SHA-256 (lower-case hex; anything else is refused).</summary>
    public string For(string sha256)
    {
        Sha256Hex.Require(sha256);
        return $"{_prefix}sha256/{sha256[..2]}/{sha256[2..4]}/{sha256}";
    }
}
