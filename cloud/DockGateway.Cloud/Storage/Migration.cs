namespace DockGateway.Cloud.Storage;

/// <summary>One schema step: <c>NNNN_name.sql</c> (both dialects) or its <c>.sqlite.sql</c> /
/// <c>.postgres.sql</c> pair.</summary>
public sealed record Migration(long Version, string Name, string Sql);
