namespace DockGateway.Cloud.Ratios;

/// <summary>
/// The equipment ratios of every agency in scope summed on the server (<c>GET /api/v1/ratios/summary</c>): how many
/// agencies, how many meet their minimum and how many fall short, the total shortfall, recorders required and in
/// service, and recorders overdue.
/// </summary>
public sealed record RatioSummary
{
    public long Agencies { get; init; }

    public long CompliantAgencies { get; init; }

    public long ShortAgencies { get; init; }

    public long Shortfall { get; init; }

    public long RecordersRequired { get; init; }

    public long RecordersInService { get; init; }

    public long RecordersOverdue { get; init; }

    public DateTimeOffset ComputedAt { get; init; }
}
