namespace DockGateway.Cloud.AccessLog;

/// <summary>One read of footage, a proof or an export.</summary>
/// <param name="Action">What was read: <c>footage.read</c>, <c>proof.read</c>, <c>export.ratios</c>, …</param>
/// <param name="Resource">Which thing: a blob SHA-256, a checkpoint, a URL path.</param>
public sealed record AccessLogEntry(
    string Id, DateTimeOffset At, string ActorId, string ActorName, string Role, string Action, string Resource, string? AgencyCode, string? Detail);
