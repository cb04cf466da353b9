namespace DockGateway.Cloud.Registry;

/// <summary>Body of <c>POST …/recorders</c> and <c>PUT /api/v1/recorders/{serial}</c> (serial optional there).</summary>
public sealed record RecorderRequest(string? Serial, string? Vendor, string? Model, string? Status, string? AssignedBadge);
