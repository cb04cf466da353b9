namespace DockGateway.Cloud.Retention;

/// <summary>What one retention run did: files deleted, files whose pending deletion a hold cancelled.</summary>
public sealed record RetentionRun(int Deleted, int Cancelled);
