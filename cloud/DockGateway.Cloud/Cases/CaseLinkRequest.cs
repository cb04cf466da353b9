namespace DockGateway.Cloud.Cases;

/// <summary>
/// Body of <c>POST /api/v1/cases/{id}/footage</c>: either <c>sha256</c> (every entry of that file in the case's agency)
/// or <c>dockId</c> and <c>entryIndex</c> (one custody entry).
/// </summary>
public sealed record CaseLinkRequest(string? Sha256, string? DockId, long? EntryIndex);
