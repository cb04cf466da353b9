namespace DockGateway.Cloud.Cases;

/// <summary>One custody entry of footage linked to a case.</summary>
public sealed record CaseFootageLink(string DockId, long EntryIndex, string Sha256, DateTimeOffset LinkedAt, string LinkedBy);
