namespace DockGateway.Cloud.Ratios;

/// <summary>One agency's figures as the ratio query reads them (one row per agency).</summary>
public sealed class AgencyCounts
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Class { get; init; } = string.Empty;

    public long OfficerCount { get; init; }

    public long? ClassCMinimum { get; init; }

    public long LegalReviewStaff { get; init; }

    public long RegisteredOfficers { get; init; }

    public long RecordersTotal { get; init; }

    public long RecordersInService { get; init; }

    public long RecordersOverdue { get; init; }
}
