namespace DockGateway.Cloud.Uploads;

/// <summary>The JSON form of a receipt; <c>note</c> is the signed note the dock logs verbatim.</summary>
public sealed record UploadReceiptDocument(
    string Upload,
    string Dock,
    string Sha256,
    long Size,
    long Entry,
    DateTimeOffset ReceivedAt,
    bool Duplicate,
    string Note,
    string VerifierKey);
