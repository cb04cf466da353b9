using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// <c>GET /api/v1/recorders/overdue</c>: which recorders are overdue, longest away first, for every agency
/// the caller may see or one (<c>agency</c>). JSON pages (<c>limit</c> 1-1000, default 100; <c>after</c> = the
/// previous page's <c>next</c>) or the whole list as CSV (<c>format=csv</c> / <c>Accept: text/csv</c>; an
/// export, written to the access log).
/// </summary>
public static class OverdueEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapOverdue(this RouteGroupBuilder api)
    {
        api.MapGet("/recorders/overdue", ListAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Ratios")
            .Produces<OverduePage>().ProducesCsv()
            .WithSummary("Recorders away from every dock for too long")
            .WithDescription("In-service recorders not docked for longer than Cloud:Ratios:OverdueAfter, longest away first, with the officer, "
                + "the last dock and hours away. Pages of limit (1-1000) after the previous page's next; or the whole list as CSV with "
                + "format=csv or Accept: text/csv (UTF-8 with a byte-order mark; an export, access-logged).");
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? limit, string? after, string? format, HttpContext http, AgencyStore agencies, OverdueQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);

        var cursor = KeysetCursor.Parse(after, errors);

        var csv = ResponseFormat.WantsCsv(http, format, errors);

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var scope = caller.Scope(agency);
        if (csv != true)
        {
            return Results.Ok(await query.PageAsync(scope, cursor, count, ct));
        }

        // Logged before the first byte leaves: an export is never served unrecorded.
        await log.RecordAsync(http.User, "export.overdue", http.Request.Path + http.Request.QueryString, agency, "overdue recorders as CSV", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"overdue-{agency ?? "all"}.csv\"";
        return OverdueCsv.Table.Stream(query.AllAsync(scope, http.RequestAborted), http.RequestAborted);
    }
}
