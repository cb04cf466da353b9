using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace DockGateway.Cloud.Auth;

/// <summary>
/// Authorization policies for people endpoints. Put one on an endpoint or group
/// (<c>.RequireAuthorization(CloudPolicies.Manage)</c> or <c>.RequirePeople(CloudPolicies.Manage)</c>);
/// agency scoping is then checked in the handler with <see cref="CallerScope"/> (out of scope = 404).
/// </summary>
public static class CloudPolicies
{
    /// <summary>Admins only.</summary>
    public const string Admin = "people:admin";

    /// <summary>Admins and equipment managers (writes to the registry).</summary>
    public const string Manage = "people:manage";

    /// <summary>Any person: admin, equipment manager, auditor, reviewer (reads).</summary>
    public const string Read = "people:read";

    /// <summary>Admins and auditors (the access log, exports for audit).</summary>
    public const string Audit = "people:audit";

    /// <summary>Footage and case metadata: admins, auditors and reviewers (not equipment managers).</summary>
    public const string Evidence = "people:evidence";

    /// <summary>Footage content (view, download) and case changes: admins and reviewers.</summary>
    public const string Retrieve = "people:retrieve";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName).RequireRole(CloudRoles.Admin));
        options.AddPolicy(Manage, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName)
            .RequireRole(CloudRoles.Admin, CloudRoles.EquipmentManager));
        options.AddPolicy(Read, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName)
            .RequireRole(CloudRoles.Admin, CloudRoles.EquipmentManager, CloudRoles.Auditor, CloudRoles.Reviewer));
        options.AddPolicy(Evidence, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName)
            .RequireRole(CloudRoles.Admin, CloudRoles.Auditor, CloudRoles.Reviewer));
        options.AddPolicy(Retrieve, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName)
            .RequireRole(CloudRoles.Admin, CloudRoles.Reviewer));
        options.AddPolicy(Audit, p => p.AddAuthenticationSchemes(PeopleTokenAuthenticationHandler.SchemeName)
            .RequireRole(CloudRoles.Admin, CloudRoles.Auditor));
    }

    /// <summary>Requires a person with the given policy.</summary>
    public static TBuilder RequirePeople<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(policy);
}
