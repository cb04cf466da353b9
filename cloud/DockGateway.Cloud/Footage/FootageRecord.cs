namespace DockGateway.Cloud.Footage;

/// <summary>
/// One file in custody, from the footage index: the dock's <c>ingested</c> entry <see cref="EntryIndex"/>,
/// who it belongs to, and the index of the dock's <c>uploaded</c> entry for it once that arrived.
/// <see cref="OfficerBadge"/> is the recorder's assigned officer when the cloud stored the entry.
/// </summary>
public sealed record FootageRecord(
    string DockId,
    long EntryIndex,
    string AgencyCode,
    string Sha256,
    long Size,
    string Recorder,
    string? OfficerBadge,
    string Path,
    DateTimeOffset RecordedStart,
    DateTimeOffset RecordedEnd,
    DateTimeOffset IngestedAt,
    DateTimeOffset ReceivedAt,
    bool Late,
    long? UploadedEntryIndex);
