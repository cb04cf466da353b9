namespace DockGateway.Cloud.Auth;

/// <summary>A person's bearer token as stored (never the token itself).</summary>
public sealed record PersonToken(
    string Id, string Name, string Role, IReadOnlyList<string> Agencies, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt);
