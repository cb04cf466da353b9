namespace DockGateway.Cloud.Uploads;

/// <summary>The result of <see cref="UploadCompletion.FinishAsync"/>: the outcome, the upload as it now stands, and the SHA-256 the bytes had when it differed.</summary>
public sealed record UploadFinish(UploadFinishOutcome Outcome, TusUpload Upload, string? ActualSha256 = null);
