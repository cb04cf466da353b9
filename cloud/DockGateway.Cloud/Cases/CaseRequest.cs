namespace DockGateway.Cloud.Cases;

/// <summary>Body of <c>POST /api/v1/agencies/{code}/cases</c>; <c>actionEndedOn</c> is a date (YYYY-MM-DD).</summary>
public sealed record CaseRequest(string? CaseNumber, string? EnforcementType, string? ActionEndedOn);
