namespace DockGateway.Cloud.Registry;

/// <summary>A CSV import error: the line, the column and what is wrong.</summary>
public sealed record CsvRowError(int Line, string Field, string Message);
