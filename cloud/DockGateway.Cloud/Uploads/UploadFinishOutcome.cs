namespace DockGateway.Cloud.Uploads;

/// <summary>What finishing an upload whose every byte was received came to.</summary>
public enum UploadFinishOutcome
{
    /// <summary>The full SHA-256 matched (or the blob was already stored under it): the upload is complete.</summary>
    Completed,

    /// <summary>The full SHA-256 differed from the declared one: the partial and the upload were deleted.</summary>
    HashMismatch,

    /// <summary>The bytes were gone (neither a full partial nor the blob): the offset went back to 0 so the dock sends them again.</summary>
    BytesMissing,
}
