using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Timeliness;

/// <summary><c>GET /api/v1/timeliness?agency=&amp;days=30</c>: docking timeliness per day for the agencies in scope (footage metadata, access-logged).</summary>
public static class TimelinessEndpoints
{
    public static RouteGroupBuilder MapTimeliness(this RouteGroupBuilder api)
    {
        api.MapGet("/timeliness", ReportAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Statistics")
            .WithName("getDockingTimeliness").WithSummary("Share of recordings ingested within 24 h of their end, per day")
            .WithDescription("Aggregated on the server from the footage index for one agency (agency) or every agency in scope: per day of "
                + "recorded end in UTC+8 over the last days days (1-90, default 30), the recordings ingested so far, those ingested within "
                + "24 h of their end and the share. Access-logged (footage metadata).")
            .Produces<TimelinessReport>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> ReportAsync(
        string? agency, string? days, HttpContext http, AgencyStore agencies, TimelinessQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var count = 30;
        if (days is not null && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= 90))
        {
            return ProblemResults.Validation("days", $"must be a whole number from 1 to 90 (was '{days}')");
        }

        await log.RecordAsync(http.User, "footage.timeliness.read", http.Request.Path + http.Request.QueryString, agency, null, ct);
        return Results.Ok(await query.ReportAsync(caller.Scope(agency), agency, count, ct));
    }
}
