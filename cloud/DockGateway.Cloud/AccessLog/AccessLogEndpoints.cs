using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.AccessLog;

/// <summary><c>GET /api/v1/access-log</c>: admins and auditors; a scoped auditor sees only its agencies.</summary>
public static class AccessLogEndpoints
{
    public static RouteGroupBuilder MapAccessLog(this RouteGroupBuilder api)
    {
        api.MapGet("/access-log", async (HttpContext http, IAccessLog log, DateTimeOffset? since, string? action, int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 10_000)
            {
                return ProblemResults.Validation("limit", "must be between 1 and 10000");
            }

            var caller = CallerScope.From(http.User);
            var entries = await log.ListAsync(
                new AccessLogQuery(caller.IsGlobal ? null : caller.Agencies, since, action, limit ?? 1000), ct);
            return Results.Ok(entries);
        }).RequirePeople(CloudPolicies.Audit).WithTags("Audit")
            .WithSummary("List the access log")
            .WithDescription("Reads and exports of evidence and registry data, newest first; since (RFC 3339), action and limit (1-10000, default 1000) narrow it. A scoped auditor sees only its agencies.")
            .Produces<IReadOnlyList<AccessLogEntry>>();
        return api;
    }
}
