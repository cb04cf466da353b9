namespace DockGateway.Cloud.Ratios;

/// <summary>An in-service recorder away from every dock for longer than <c>Cloud:Ratios:OverdueAfter</c>.</summary>
public sealed record OverdueRecorder
{
    public required string Serial { get; init; }

    public required string AgencyCode { get; init; }

    public required string Vendor { get; init; }

    public required string Model { get; init; }

    /// <summary>The officer it is assigned to (badge and name), if any.</summary>
    public string? AssignedBadge { get; init; }

    public string? OfficerName { get; init; }

    /// <summary>When a dock last had it in a slot, and which dock; both null if it never docked.</summary>
    public DateTimeOffset? LastDockedAt { get; init; }

    public string? LastDockId { get; init; }

    /// <summary>Away since: its last docking, or its issue when it never docked.</summary>
    public required DateTimeOffset AwaySince { get; init; }

    /// <summary>Whole hours from <see cref="AwaySince"/> to the time of the answer.</summary>
    public required long HoursAway { get; init; }
}
