namespace DockGateway.Cloud.Witness;

/// <summary>The answer to a dock's custody-entry batch: how many entries were new, the mirrored log's size and root, and the cosignature at that size.</summary>
public sealed record EntriesAccepted(int Stored, long Size, string RootHash, string? Cosignature);
