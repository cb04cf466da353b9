namespace DockGateway.Cloud.Witness;

/// <summary>A custody entry the cloud holds: its index in the dock's log, its RFC 8785 canonical
/// JSON, and its RFC 6962 leaf hash.</summary>
public sealed record StoredEntry(long Index, string Json, byte[] LeafHash, DateTimeOffset ReceivedAt);
