namespace DockGateway.Cloud.Officers;

/// <summary>
/// One officer in the officer list: badge, name, the recorders assigned now, and from the footage index the last
/// time a dock ingested one of their recordings and how many of their recordings in the last 30 days were late
/// (recorded more than the dock's late threshold before they were docked) out of how many.
/// </summary>
public sealed record OfficerListItem
{
    public required string AgencyCode { get; init; }

    public required string BadgeNumber { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Recorders { get; init; } = [];

    public DateTimeOffset? LastIngestAt { get; init; }

    public long Recordings30Days { get; init; }

    public long Late30Days { get; init; }
}
