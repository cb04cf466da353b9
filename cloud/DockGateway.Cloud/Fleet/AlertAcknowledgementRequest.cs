namespace DockGateway.Cloud.Fleet;

/// <summary>The body of <c>POST /api/v1/alerts/{id}/acknowledgement</c>: why the alert is dealt with (1-500 characters).</summary>
public sealed record AlertAcknowledgementRequest(string? Comment);
