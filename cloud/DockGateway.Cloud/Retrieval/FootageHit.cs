using DockGateway.Cloud.Footage;

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
    IReadOnlyList<string> CaseNumbers)
{
    public static FootageHit From(FootageRecord record, bool stored, IReadOnlyList<string> caseNumbers) => new(
        record.Sha256, record.DockId, record.EntryIndex, record.AgencyCode, record.Size, record.Recorder, record.OfficerBadge,
        record.Path, record.RecordedStart, record.RecordedEnd, record.IngestedAt, record.ReceivedAt, record.Late, stored, caseNumbers);
}
