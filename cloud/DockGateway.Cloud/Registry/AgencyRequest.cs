namespace DockGateway.Cloud.Registry;

/// <summary>Body of <c>POST /api/v1/agencies</c> and <c>PUT /api/v1/agencies/{code}</c> (code optional there).</summary>
public sealed record AgencyRequest(string? Code, string? Name, string? Class, long? OfficerCount, long? ClassCMinimum, long? LegalReviewStaff);
