namespace DockGateway.Cloud.Retention;

/// <summary>The dry-run report: what the retention job would delete from now until <c>Until</c> (nothing is changed).</summary>
public sealed record RetentionPreview(DateTimeOffset Now, DateTimeOffset Until, int Files, long Bytes, IReadOnlyList<RetentionPreviewItem> Items);
