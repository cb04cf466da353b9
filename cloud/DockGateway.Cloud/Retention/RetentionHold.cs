namespace DockGateway.Cloud.Retention;

/// <summary>A hold keeps a file from the retention job until an admin releases it; case links place one automatically.</summary>
public sealed record RetentionHold(
    string Id, string Sha256, string AgencyCode, string? CaseId, string Reason, DateTimeOffset PlacedAt, string PlacedBy,
    DateTimeOffset? ReleasedAt, string? ReleasedBy)
{
    public bool Active => ReleasedAt is null;
}
