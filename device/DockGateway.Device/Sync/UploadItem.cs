namespace DockGateway.Device.Sync;

/// <summary>A stored file waiting for (or done with) upload, keyed by its <c>ingested</c> custody entry.</summary>
public sealed record UploadItem(
    long Entry,
    string Sha256,
    long Size,
    string Stored,
    string? Recorder,
    string? UploadUrl,
    UploadState State,
    int Attempts,
    DateTimeOffset? AcknowledgedAt);
