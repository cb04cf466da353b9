namespace DockGateway.Cloud.Registry;

/// <summary>The answer to a CSV import that succeeded: rows read, and how many were created or updated.</summary>
public sealed record ImportSummary(int Rows, int Created, int Updated);
