using System.Text.Json;

namespace DockGateway.Cloud.Witness;

/// <summary>One custody entry as the cloud mirrors it: its index in the dock's log, the entry JSON, its RFC 6962 leaf hash (hex) and when it arrived.</summary>
public sealed record MirroredEntry(long Index, JsonElement Entry, string LeafHash, DateTimeOffset ReceivedAt);
