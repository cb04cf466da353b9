namespace DockGateway.Cloud.Retrieval;

/// <summary>Body of <c>POST /api/v1/footage/{sha256}/download-requests</c>.</summary>
public sealed record DownloadRequestBody(string? Reason);
