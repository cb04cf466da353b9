using System.Security.Claims;

namespace DockGateway.Cloud.Auth;

/// <summary>
/// What an authenticated person may see and change. Admins and unscoped auditors see every agency;
/// equipment managers and scoped auditors see only their listed agencies. Only admins and managers
/// write, and managers only inside their agencies. Handlers answer 404 for an agency out of scope.
/// </summary>
public sealed class CallerScope
{
    private readonly HashSet<string> _agencies;

    private CallerScope(string tokenId, string name, string role, IEnumerable<string> agencies)
    {
        TokenId = tokenId;
        Name = name;
        Role = role;
        _agencies = new HashSet<string>(agencies, StringComparer.Ordinal);
    }

    public string TokenId { get; }

    public string Name { get; }

    public string Role { get; }

    public bool IsAdmin => Role == CloudRoles.Admin;

    /// <summary>Sees every agency.</summary>
    public bool IsGlobal => IsAdmin || (Role == CloudRoles.Auditor && _agencies.Count == 0);

    /// <summary>The agencies of a scoped caller (empty for global callers).</summary>
    public IReadOnlyCollection<string> Agencies => _agencies;

    public static CallerScope From(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role)
            ?? throw new InvalidOperationException("CallerScope needs a person authenticated by the people-token scheme.");
        return new CallerScope(
            user.FindFirstValue(CloudClaims.TokenId) ?? string.Empty,
            user.Identity?.Name ?? string.Empty,
            role,
            user.FindAll(CloudClaims.Agency).Select(c => c.Value));
    }

    /// <summary>The agencies a list covers: the one asked for (already checked visible), else all the caller sees (null = every agency).</summary>
    public IReadOnlyCollection<string>? Scope(string? agency) => agency is not null ? [agency] : IsGlobal ? null : Agencies;

    public bool CanSee(string agencyCode) => IsGlobal || _agencies.Contains(agencyCode);

    /// <summary>May view or download footage of the agency, and change its cases: admins, and reviewers of it.</summary>
    public bool CanRetrieve(string agencyCode) => IsAdmin || (Role == CloudRoles.Reviewer && _agencies.Contains(agencyCode));

    public bool CanChange(string agencyCode) =>
        IsAdmin || (Role == CloudRoles.EquipmentManager && _agencies.Contains(agencyCode));
}
