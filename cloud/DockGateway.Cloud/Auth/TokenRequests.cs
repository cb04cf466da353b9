namespace DockGateway.Cloud.Auth;

/// <summary>Body of <c>POST /api/v1/tokens</c>.</summary>
public sealed record TokenCreateRequest(string? Name, string? Role, IReadOnlyList<string>? Agencies);

/// <summary>A token as listed (no secret).</summary>
public sealed record TokenView(string Id, string Name, string Role, IReadOnlyList<string> Agencies, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt)
{
    public static TokenView From(PersonToken t) => new(t.Id, t.Name, t.Role, t.Agencies, t.CreatedAt, t.CreatedBy, t.RevokedAt);
}

/// <summary>Response of <c>POST /api/v1/tokens</c>: the only time the plaintext token is shown.</summary>
public sealed record TokenCreated(string Id, string Name, string Role, IReadOnlyList<string> Agencies, DateTimeOffset CreatedAt, string Token);

/// <summary>Response of <c>GET /api/v1/me</c>.</summary>
public sealed record CallerView(string TokenId, string Name, string Role, bool Global, IReadOnlyCollection<string> Agencies);
