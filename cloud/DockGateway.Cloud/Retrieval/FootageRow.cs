namespace DockGateway.Cloud.Retrieval;

/// <summary>A row of the footage search query as Dapper reads it (Unix-millisecond times).</summary>
internal sealed class FootageRow
{
    public string Sha256 { get; init; } = string.Empty;

    public string DockId { get; init; } = string.Empty;

    public long EntryIndex { get; init; }

    public string AgencyCode { get; init; } = string.Empty;

    public long Size { get; init; }

    public string Recorder { get; init; } = string.Empty;

    public string? OfficerBadge { get; init; }

    public string Path { get; init; } = string.Empty;

    public long RecordedStart { get; init; }

    public long RecordedEnd { get; init; }

    public long IngestedAt { get; init; }

    public long ReceivedAt { get; init; }

    public long Late { get; init; }

    public long StoredCount { get; init; }

    public long DeletedCount { get; init; }

    public FootageHit ToHit(IReadOnlyList<string> cases) => new(
        Sha256, DockId, EntryIndex, AgencyCode, Size, Recorder, OfficerBadge, Path,
        DateTimeOffset.FromUnixTimeMilliseconds(RecordedStart), DateTimeOffset.FromUnixTimeMilliseconds(RecordedEnd),
        DateTimeOffset.FromUnixTimeMilliseconds(IngestedAt), DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAt),
        Late != 0, StoredCount > 0 && DeletedCount == 0, cases);
}
