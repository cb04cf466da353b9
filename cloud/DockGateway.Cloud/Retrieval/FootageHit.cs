namespace DockGateway.Cloud.Retrieval;

/// <summary>One stored custody entry of footage as search lists it: which dock logged it, whose it is, when it was recorded, whether its bytes are in the cloud.</summary>
public sealed record FootageHit(
    string Sha256,
    string DockId,
    long EntryIndex,
    string AgencyCode,
    long Size,
    string Recorder,
    string? OfficerBadge,
    string Path,
    DateTimeOffset RecordedStart,
    DateTimeOffset RecordedEnd,
    DateTimeOffset IngestedAt,
    DateTimeOffset ReceivedAt,
    bool Late,
    bool Stored,
    IReadOnlyList<string> CaseNumbers);
