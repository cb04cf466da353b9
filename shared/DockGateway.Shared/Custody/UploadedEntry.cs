namespace DockGateway.Shared.Custody;

/// <summary>The cloud acknowledged the file of <see cref="IngestedEntry"/> <see cref="Entry"/> (hash matched): its signed receipt note, verbatim.</summary>
public sealed record UploadedEntry(long Entry, string Sha256, long Size, string Upload, string Receipt) : CustodyEntry;
