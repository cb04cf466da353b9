using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Custody;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Fleet;

/// <summary><c>GET /api/v1/unregistered-recorders?agency=&amp;limit=&amp;after=&amp;format=</c>: recorders seen at a dock while unregistered.</summary>
public static class UnregisteredSightingEndpoints
{
    public static RouteGroupBuilder MapUnregisteredSightings(this RouteGroupBuilder api)
    {
        api.MapGet("/unregistered-recorders", ListAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Fleet")
            .WithName("listUnregisteredRecorders").WithSummary("Recorders seen at a dock while not registered to the dock's agency")
            .WithDescription("Per serial and dock agency, from the docks' unregistered events and current slot reports: sightings, first and last "
                + "seen, last dock, and the agency the serial is registered to now (null: none). Most recently seen first; offset pages "
                + "(limit 1-1000, after); format=csv for the whole list.")
            .Produces<UnregisteredSightingPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? limit, string? after, string? format, HttpContext http, AgencyStore agencies, UnregisteredSightingQuery query,
        IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var page = OffsetPage.Parse(limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (csv == true)
        {
            await log.RecordAsync(http.User, "export.unregistered-recorders", http.Request.Path + http.Request.QueryString, agency, null, ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"unregistered-{agency ?? "all"}.csv\"";
            return UnregisteredSightingCsv.Table.Of(await query.AllAsync(caller.Scope(agency), ct));
        }

        var result = await query.PageAsync(caller.Scope(agency), page, ct);
        return page.Offset > 0 && result.Items.Count == 0
            ? ProblemResults.Validation("after", $"is past the end: {EnglishCount.Matching(result.Total, "recorder", "recorders")}")
            : Results.Ok(result);
    }
}
