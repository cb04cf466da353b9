namespace DockGateway.Cloud.Registry;

/// <summary>One CSV record and the (1-based) line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
