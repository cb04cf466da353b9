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

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// <c>GET /api/v1/ratios</c> (a filtered, sorted page of the agencies the caller may see, or all of them as a streamed
/// CSV), <c>GET /api/v1/ratios/summary</c> (their totals) and <c>GET /api/v1/agencies/{code}/ratio</c>. A CSV download
/// is an export and is written to the access log.
/// </summary>
public static class RatioEndpoints
{
    public static RouteGroupBuilder MapRatios(this RouteGroupBuilder api)
    {
        api.MapGet("/ratios", ListAsync).RequirePeople(CloudPolicies.Read).WithTags("Ratios")
            .Produces<RatioPage>().ProducesCsv().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesHeader(StatusCodes.Status200OK, "Link", "RFC 8288: <…&after=…>; rel=\"next\" when more agencies match (JSON only).")
            .WithSummary("Equipment ratios of the agencies the caller may see, a page at a time")
            .WithDescription("Recorders in service per officer against each agency's minimum, with overdue recorders. Filters: agency, q (part "
                + "of a code or name), class (A, B, C), compliant (true, false); sort code|name|shortfall|inService|officers (names by Unicode "
                + "code point, ties by code), '-' for descending; offset pages (limit 1-500, default 100; after = the previous page's next, "
                + "also in the Link header). A page past the end is a 400. format=csv or Accept: text/csv streams every matching agency "
                + "(an export, access-logged). Totals: GET /api/v1/ratios/summary.");

        api.MapGet("/ratios/summary", SummaryAsync).RequirePeople(CloudPolicies.Read).WithTags("Ratios")
            .Produces<RatioSummary>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Totals of the equipment ratios of every agency the caller may see")
            .WithDescription("Agencies in scope (or the one named by agency), how many meet their minimum and how many fall short, the total "
                + "shortfall, recorders required and in service, and recorders overdue.");

        api.MapGet("/agencies/{code}/ratio", OneAsync).RequirePeople(CloudPolicies.Read).WithTags("Ratios")
            .Produces<EquipmentRatio>().ProducesCsv()
            .WithSummary("One agency's equipment ratio")
            .WithDescription("JSON, or CSV with format=csv or Accept: text/csv (an export, access-logged).");
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? q, string? @class, string? compliant, string? sort, string? limit, string? after, string? format,
        HttpContext http, AgencyStore agencies, RatioQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var filter = RatioFilter.Parse(q, @class, compliant, sort, limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var scope = caller.Scope(agency);
        if (csv == true)
        {
            // Logged before the first byte leaves: an export is never served unrecorded.
            await log.RecordAsync(http.User, "export.ratios", http.Request.Path + http.Request.QueryString, agency, "equipment ratios as CSV", ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{(agency is null ? "ratios" : $"ratios-{agency}")}.csv\"";
            return RatioCsv.Table.Stream(query.AllAsync(scope, filter, http.RequestAborted), http.RequestAborted);
        }

        var page = await query.PageAsync(scope, filter, ct);
        if (filter.Page.Offset > 0 && page.Items.Count == 0)
        {
            return ProblemResults.Validation("after", $"is past the end: {EnglishCount.Matching(page.Total, "agency", "agencies")}");
        }

        if (page.Next is { } next)
        {
            NextLink.Set(http, next);
        }

        return Results.Ok(page);
    }

    private static async Task<IResult> SummaryAsync(string? agency, HttpContext http, AgencyStore agencies, RatioSummaryQuery query, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        return Results.Ok(await query.SummaryAsync(caller.Scope(agency), ct));
    }

    private static async Task<IResult> OneAsync(string code, string? format, HttpContext http, RatioQuery query, IAccessLog log, CancellationToken ct)
    {
        if (ResponseFormat.WantsCsv(http, format, new FieldErrors()) is not { } csv)
        {
            return ProblemResults.Validation("format", "must be json or csv");
        }

        if (!CallerScope.From(http.User).CanSee(code) || await query.OneAsync(code, ct) is not { } ratio)
        {
            return ProblemResults.NotFound($"no agency '{code}'");
        }

        if (!csv)
        {
            return Results.Ok(ratio);
        }

        await log.RecordAsync(http.User, "export.ratios", http.Request.Path + http.Request.QueryString, code, "1 agency", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ratio-{code}.csv\"";
        return RatioCsv.Table.Of([ratio]);
    }
}
