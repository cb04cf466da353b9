namespace DockGateway.Cloud.Retrieval;

/// <summary>Body of <c>PUT /api/v1/agencies/{code}/evidence-settings</c>.</summary>
public sealed record EvidenceSettingsRequest(bool? DownloadApproval, int? RetentionDays);
