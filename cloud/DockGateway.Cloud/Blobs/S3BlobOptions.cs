namespace DockGateway.Cloud.Blobs;

/// <summary>
/// <c>Cloud:Blobs:S3</c>: the S3-compatible store. Credentials come from <see cref="CredentialsFile"/> when set,
/// otherwise from the standard environment variables <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>
/// (and <c>AWS_SESSION_TOKEN</c>).
/// </summary>
public sealed class S3BlobOptions
{
    public const string Path = BlobStoreOptions.SectionName + ":S3";

    /// <summary>The smallest part S3 accepts in a multipart upload (all but the last).</summary>
    public const int MinimumPartSize = 5 << 20;

    /// <summary><c>ServiceUrl</c>: the endpoint (<c>http(s)://host:port</c>) of MinIO, Ceph RGW or another
    /// S3-compatible server; empty for AWS S3 itself (the endpoint of <see cref="Region"/>).</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary><c>Bucket</c>: the bucket footage is kept in; it must exist (checked at start).</summary>
    public string Bucket { get; set; } = "";

    /// <summary><c>Region</c>: the signing region (AWS: the bucket's region); default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary><c>ForcePathStyle</c>: address the bucket as <c>endpoint/bucket/key</c> rather than
    /// <c>bucket.endpoint/key</c> (most self-hosted servers need this); default true.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary><c>Prefix</c>: an optional key prefix (e.g. <c>footage/</c>) before <c>sha256/ab/cd/&lt;sha256&gt;</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary><c>CredentialsFile</c>: an AWS shared credentials file (INI, <c>aws_access_key_id</c> /
    /// <c>aws_secret_access_key</c>); empty to use the environment variables.</summary>
    public string CredentialsFile { get; set; } = "";

    /// <summary><c>Profile</c>: the profile read from <see cref="CredentialsFile"/>; default <c>default</c>.</summary>
    public string Profile { get; set; } = "default";

    /// <summary><c>PartSize</c>: bytes per part of the multipart upload (at least 5 MiB); default 16 MiB.
    /// A file no larger than one part is sent with a single PUT.</summary>
    public int PartSize { get; set; } = 16 << 20;

    /// <summary><c>Timeout</c>: how long one S3 request may take before it counts as an outage; default 100 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
