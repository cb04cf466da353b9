using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// <c>GET /api/v1/officers?agency=&amp;q=&amp;late=&amp;sort=&amp;limit=&amp;after=&amp;format=</c>: the officers of every agency in
/// scope with their recorders, last ingest and late recordings in 30 days (footage metadata: every read is access-logged);
/// JSON pages or the whole filtered list as CSV. A page past the end is a 400.
/// </summary>
public static class OfficerListEndpoints
{
    public static RouteGroupBuilder MapOfficerList(this RouteGroupBuilder api)
    {
        api.MapGet("/officers", ListAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Registry")
            .WithName("listOfficers").WithSummary("Officers of every agency in scope with their recorders, last ingest and late recordings")
            .WithDescription("From the registry and the footage index: assigned recorders, the last ingest of one of the officer's recordings, and "
                + "recordings and late recordings in the last 30 days (by recorded start). Filters: agency, q (part of a badge number or name), "
                + "late=true|false; sort badge|name|lastIngest|late (names by Unicode code point), '-' for descending; offset pages (limit "
                + "1-1000, after); format=csv for the whole list. Access-logged (footage metadata).")
            .Produces<OfficerListPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? q, string? late, string? sort, string? limit, string? after, string? format,
        HttpContext http, AgencyStore agencies, OfficerListQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var filter = OfficerFilter.Parse(q, late, sort, limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var scope = caller.Scope(agency);
        var resource = http.Request.Path + http.Request.QueryString;
        if (csv == true)
        {
            await log.RecordAsync(http.User, "export.officers", resource, agency, "officers with footage counts as CSV", ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"officers-{agency ?? "all"}.csv\"";
            return OfficerListCsv.Table.Stream(query.AllAsync(scope, filter, http.RequestAborted), http.RequestAborted);
        }

        await log.RecordAsync(http.User, "footage.officers.read", resource, agency, null, ct);
        var page = await query.PageAsync(scope, filter, ct);
        return filter.Page.Offset > 0 && page.Items.Count == 0
            ? ProblemResults.Validation("after", $"is past the end: {EnglishCount.Matching(page.Total, "officer", "officers")}")
            : Results.Ok(page);
    }
}
