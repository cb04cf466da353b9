using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The fleet view for people, scoped like the registry (out of scope = 404): <c>GET /api/v1/fleet</c>,
/// <c>GET /api/v1/agencies/{code}/docks/{id}/status</c>, <c>GET /api/v1/agencies/{code}/alerts</c>
/// (<c>since</c> = RFC 3339 time, <c>limit</c> 1-1000 (100), JSON or CSV with <c>format=csv</c> / <c>Accept: text/csv</c>).
/// </summary>
public static class FleetEndpoints
{
    public const int DefaultAlertLimit = 100;
    public const int MaxAlertLimit = 1000;

    public static RouteGroupBuilder MapFleetEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/fleet", async (HttpContext http, FleetQueries fleet, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return Results.Ok(await fleet.ListDocksAsync(caller.IsGlobal ? null : caller.Agencies, ct));
        }).RequirePeople(CloudPolicies.Read).WithTags("Fleet").Produces<IReadOnlyList<FleetDock>>()
            .WithSummary("List the fleet's docks with their live status")
            .WithDescription("Every dock the caller may see, with its slots, last status report and whether it is online.");

        api.MapGet("/agencies/{code}/docks/{id}/status", async (string code, string id, HttpContext http, FleetQueries fleet, CancellationToken ct) =>
            CallerScope.From(http.User).CanSee(code) && await fleet.FindDockAsync(code, id, ct) is { } dock
                ? Results.Ok(dock)
                : ProblemResults.NotFound($"no dock '{id}' in agency '{code}'"))
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet").Produces<FleetDock>()
            .WithSummary("Get one dock's live status");

        api.MapGet("/agencies/{code}/alerts", AlertsAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet").Produces<IReadOnlyList<FleetAlert>>().ProducesCsv()
            .WithSummary("List an agency's alerts")
            .WithDescription("Newest first; since (RFC 3339) and limit (1-1000, default 100) narrow it. JSON, or CSV with format=csv or Accept: text/csv (an export, access-logged).");
        return api;
    }

    private static async Task<IResult> AlertsAsync(
        string code, string? since, string? limit, string? format, HttpContext http, AgencyStore agencies, FleetQueries fleet, IAccessLog log, CancellationToken ct)
    {
        if (!CallerScope.From(http.User).CanSee(code) || await agencies.FindAsync(code, ct) is null)
        {
            return ProblemResults.NotFound($"no agency '{code}'");
        }

        var errors = new FieldErrors();
        DateTimeOffset? after = null;
        if (since is not null)
        {
            if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                && since.Contains('T', StringComparison.Ordinal))
            {
                after = t;
            }
            else
            {
                errors.Add("since", $"must be an RFC 3339 time such as 2026-11-22T02:30:00Z (was '{since}')");
            }
        }

        var count = PageLimit.Parse(limit, DefaultAlertLimit, MaxAlertLimit, errors);

        var csv = ResponseFormat.WantsCsv(http, format, errors);

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var alerts = await fleet.ListAlertsAsync(code, after, count, ct);
        if (csv != true)
        {
            return Results.Ok(alerts);
        }

        await log.RecordAsync(http.User, "export.alerts", http.Request.Path + http.Request.QueryString, code, EnglishCount.Of(alerts.Count, "alert", "alerts"), ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"alerts-{code}.csv\"";
        return FleetAlertCsv.Table.Of(alerts);
    }
}
