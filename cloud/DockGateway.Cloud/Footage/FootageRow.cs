namespace DockGateway.Cloud.Footage;

/// <summary>A <c>footage</c> row as Dapper reads it (<see cref="FootageStore.Columns"/> names the columns as these properties).</summary>
public sealed class FootageRow
{
    public string DockId { get; init; } = string.Empty;

    public long EntryIndex { get; init; }

    public string AgencyCode { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }

    public string Recorder { get; init; } = string.Empty;

    public string? OfficerBadge { get; init; }

    public string Path { get; init; } = string.Empty;

    public DateTimeOffset RecordedStart { get; init; }

    public DateTimeOffset RecordedEnd { get; init; }

    public DateTimeOffset IngestedAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public long Late { get; init; }

    public long? UploadedEntryIndex { get; init; }

    public FootageRecord ToRecord() => new(
        DockId, EntryIndex, AgencyCode, Sha256, Size, Recorder, OfficerBadge, Path,
        RecordedStart, RecordedEnd, IngestedAt, ReceivedAt, Late != 0, UploadedEntryIndex);
}
