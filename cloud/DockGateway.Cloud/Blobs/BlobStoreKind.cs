namespace DockGateway.Cloud.Blobs;

/// <summary>Where finished footage is kept (<c>Cloud:Blobs:Store</c>).</summary>
public enum BlobStoreKind
{
    /// <summary>The local file system under <c>Uploads:BlobDirectory</c> (the zero-setup default).</summary>
    FileSystem,

    /// <summary>An S3-compatible object store (MinIO, Ceph RGW, AWS S3), configured under <c>Cloud:Blobs:S3</c>.</summary>
    S3,
}
