namespace DockGateway.Cloud.Registry;

/// <summary>A recorder as the recorder list shows it: registry facts, its officer, where it last docked, and whether it is overdue.</summary>
public sealed record RecorderListItem
{
    public required string Serial { get; init; }

    public required string AgencyCode { get; init; }

    public required string Vendor { get; init; }

    public required string Model { get; init; }

    /// <summary><c>in-service</c>, <c>repair</c> or <c>retired</c>.</summary>
    public required string Status { get; init; }

    public string? AssignedBadge { get; init; }

    public string? OfficerName { get; init; }

    public DateTimeOffset? LastDockedAt { get; init; }

    public string? LastDockId { get; init; }

    /// <summary>In service and away from every dock longer than <c>Cloud:Ratios:OverdueAfter</c>.</summary>
    public required bool Overdue { get; init; }
}
