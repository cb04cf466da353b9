namespace DockGateway.Cloud.Statistics;

/// <summary>One agency's equipment figures for publication (MISSION rule 7).</summary>
public sealed class EquipmentStatistics
{
    public string AgencyCode { get; init; } = string.Empty;

    public string AgencyName { get; init; } = string.Empty;

    public string Class { get; init; } = string.Empty;

    public long Officers { get; init; }

    public long RegisteredOfficers { get; init; }

    public long RecordersInService { get; init; }

    public long RecordersInRepair { get; init; }

    public long RecordersRetired { get; init; }

    public long RecordersAssigned { get; init; }

    public long Docks { get; init; }

    public long DockSlots { get; init; }
}
