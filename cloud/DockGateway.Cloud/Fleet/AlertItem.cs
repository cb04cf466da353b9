namespace DockGateway.Cloud.Fleet;

/// <summary>An alert as the cross-agency list shows it: what the dock reported, and its acknowledgement if any.</summary>
public sealed record AlertItem
{
    public required string Id { get; init; }

    public required string AgencyCode { get; init; }

    public required string DockId { get; init; }

    public required string EventKey { get; init; }

    /// <summary>refused, late, overdue, gap, disk-low, error or unregistered.</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public int? Slot { get; init; }

    public string? Recorder { get; init; }

    public string? File { get; init; }

    public string? Message { get; init; }

    /// <summary>For a gap: the first and last missing file sequence numbers.</summary>
    public long? MissingFrom { get; init; }

    public long? MissingTo { get; init; }

    /// <summary>When it was acknowledged, by whom (the token's name) and why; all null while open.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public string? AcknowledgementComment { get; init; }
}
