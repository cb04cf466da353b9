namespace DockGateway.Cloud.Registry;

/// <summary>Body of <c>POST …/officers</c> and <c>PUT …/officers/{badge}</c> (badge optional there).</summary>
public sealed record OfficerRequest(string? BadgeNumber, string? Name);
