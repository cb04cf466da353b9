namespace DockGateway.Cloud.Retention;

/// <summary>
/// What the retention job deleted (or is about to): the file, the custody entry it came from, the rule that let it
/// go, when, and by which job. Written durably before the blob is deleted; <c>State</c> is pending until the delete
/// is done (or cancelled when a hold arrived in between). Never deleted.
/// </summary>
public sealed record DeletionRecord(
    string Id, string Sha256, string DockId, long EntryIndex, string AgencyCode, string Rule, DateTimeOffset RecordedAt, string ByJob,
    string State, DateTimeOffset? FinishedAt);
