namespace DockGateway.Cloud.Retention;

/// <summary>One entry of a file the retention job would delete by the preview's horizon, when and by which rule.</summary>
public sealed record RetentionPreviewItem(
    string Sha256, string DockId, long EntryIndex, string AgencyCode, long Size, string Path, int RetentionDays, DateTimeOffset DeletableAt, string Rule);
