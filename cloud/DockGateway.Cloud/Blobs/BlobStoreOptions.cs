namespace DockGateway.Cloud.Blobs;

/// <summary>The <c>Cloud:Blobs</c> configuration section: which footage store, and its settings.</summary>
public sealed class BlobStoreOptions
{
    public const string SectionName = "Cloud:Blobs";

    /// <summary><c>Cloud:Blobs:Store</c>: <c>FileSystem</c> (default) or <c>S3</c> (case-insensitive).</summary>
    public BlobStoreKind Store { get; set; } = BlobStoreKind.FileSystem;

    public S3BlobOptions S3 { get; set; } = new();
}
