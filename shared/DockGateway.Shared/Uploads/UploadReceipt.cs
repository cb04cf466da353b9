namespace DockGateway.Shared.Uploads;

/// <summary>
/// What the cloud vouches for once a file's full SHA-256 matched: the text of a C2SP signed note, signed by the
/// cloud's receipt key, that the dock checks and logs verbatim in its <c>uploaded</c> custody entry.
/// <see cref="UploadReceiptCodec"/> writes and reads the text.
/// </summary>
public sealed record UploadReceipt(
    string DockId, string UploadId, long Entry, string Sha256, long Size, DateTimeOffset ReceivedAt, bool Duplicate);
