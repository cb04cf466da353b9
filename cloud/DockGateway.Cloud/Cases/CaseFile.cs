namespace DockGateway.Cloud.Cases;

/// <summary>
/// A case (案件): its number within its agency, enforcement type, the date the enforcement action ended, when its
/// archive is due (30 days later, end of that day UTC), whether it is archived, and when the deadline job found it overdue.
/// </summary>
public sealed record CaseFile(
    string Id,
    string AgencyCode,
    string CaseNumber,
    string EnforcementType,
    string ActionEndedOn,
    DateTimeOffset ArchiveDueAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ArchivedAt,
    string? ArchivedBy,
    DateTimeOffset? OverdueAt,
    IReadOnlyList<CaseFootageLink> Footage)
{
    /// <summary>Days after the action's end by which its case file must be archived (MISSION rule 3).</summary>
    public const int ArchiveDays = 30;
}
