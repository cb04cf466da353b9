namespace DockGateway.Cloud.Retention;

/// <summary>
/// One custody entry of a stored file and when retention lets it go: the later of its recording's end and its
/// arrival in the cloud, plus the agency's retention days. A file is deleted only when every entry of it is due.
/// </summary>
public sealed record RetentionCandidate(
    string Sha256, string DockId, long EntryIndex, string AgencyCode, long Size, string Path, int RetentionDays, DateTimeOffset DueAt)
{
    public string Rule => $"agency {AgencyCode} keeps footage {RetentionDays} days after it was recorded and received";
}
