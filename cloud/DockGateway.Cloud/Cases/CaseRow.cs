namespace DockGateway.Cloud.Cases;

/// <summary>A <c>cases</c> row as Dapper reads it.</summary>
internal sealed class CaseRow
{
    public string Id { get; init; } = string.Empty;

    public string AgencyCode { get; init; } = string.Empty;

    public string CaseNumber { get; init; } = string.Empty;

    public string EnforcementType { get; init; } = string.Empty;

    public string ActionEndedOn { get; init; } = string.Empty;

    public long ArchiveDueAt { get; init; }

    public long CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public long? ArchivedAt { get; init; }

    public string? ArchivedBy { get; init; }

    public long? OverdueAt { get; init; }

    public CaseFile ToCase(IReadOnlyList<CaseFootageLink> footage) => new(
        Id, AgencyCode, CaseNumber, EnforcementType, ActionEndedOn, DateTimeOffset.FromUnixTimeMilliseconds(ArchiveDueAt),
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), CreatedBy, Time(ArchivedAt), ArchivedBy, Time(OverdueAt), footage);

    private static DateTimeOffset? Time(long? ms) => ms is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;
}
