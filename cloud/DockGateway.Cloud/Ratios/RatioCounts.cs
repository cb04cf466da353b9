namespace DockGateway.Cloud.Ratios;

/// <summary>What the ratio query counts for one agency, read next to its <see cref="Registry.Agency"/> row.</summary>
public sealed class RatioCounts
{
    public long RegisteredOfficers { get; init; }

    public long RecordersTotal { get; init; }

    public long RecordersInService { get; init; }

    public long RecordersOverdue { get; init; }
}
