namespace DockGateway.Cloud.Retrieval;

/// <summary>A request to download one file (who, why, when), and who approved it; a different person must approve.</summary>
public sealed record DownloadRequest(
    string Id, string AgencyCode, string Sha256, string RequestedBy, string RequestedByName, string Reason, DateTimeOffset RequestedAt,
    string? ApprovedBy, string? ApprovedByName, DateTimeOffset? ApprovedAt)
{
    public bool Approved => ApprovedAt is not null;
}
