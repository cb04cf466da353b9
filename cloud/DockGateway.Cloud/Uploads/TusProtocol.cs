namespace DockGateway.Cloud.Uploads;

/// <summary>The tus 1.0.0 names this server speaks.</summary>
public static class TusProtocol
{
    public const string Version = "1.0.0";
    public const string Extensions = "creation,checksum,termination,expiration";
    public const string ChecksumAlgorithms = "sha256";
    public const string OffsetContentType = "application/offset+octet-stream";

    public const string TusResumable = "Tus-Resumable";
    public const string TusVersion = "Tus-Version";
    public const string TusExtension = "Tus-Extension";
    public const string TusMaxSize = "Tus-Max-Size";
    public const string TusChecksumAlgorithm = "Tus-Checksum-Algorithm";
    public const string UploadLength = "Upload-Length";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadChecksum = "Upload-Checksum";
    public const string UploadExpires = "Upload-Expires";
    public const string UploadDeferLength = "Upload-Defer-Length";

    /// <summary>Not part of tus: the cloud's signed receipt (base64 of its JSON) on the response
    /// that completes an upload, or on the creation response of a file already stored.</summary>
    public const string UploadReceipt = "Upload-Receipt";

    /// <summary>tus checksum extension: the chunk did not match its Upload-Checksum.</summary>
    public const int ChecksumMismatch = 460;
}
