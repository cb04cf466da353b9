using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// <c>GET /api/v1/recorders?agency=&amp;status=&amp;q=&amp;overdue=&amp;sort=&amp;limit=&amp;after=</c>: the recorders of every
/// agency in scope (or one), filtered, searched, sorted and paged on the server; JSON pages or the whole
/// filtered list as CSV (<c>format=csv</c>, an export written to the access log). A page past the end is a 400.
/// </summary>
public static class RecorderQueryEndpoints
{
    public static RouteGroupBuilder MapRecorderList(this RouteGroupBuilder api)
    {
        api.MapGet("/recorders", ListAsync)
            .RequirePeople(CloudPolicies.Read).WithTags("Registry")
            .WithName("listRecorders").WithSummary("Recorders of every agency in scope, filtered, sorted and paged")
            .Produces<RecorderListPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? agency, string? status, string? q, string? overdue, string? sort, string? limit, string? after, string? format,
        HttpContext http, AgencyStore agencies, RecorderQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var filter = RecorderFilter.Parse(status, overdue, q, sort, limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var scope = caller.Scope(agency);
        if (csv == true)
        {
            await log.RecordAsync(http.User, "export.recorders", http.Request.Path + http.Request.QueryString, agency, "recorders as CSV", ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"recorders-{agency ?? "all"}.csv\"";
            return RecorderListCsv.Table.Stream(query.AllAsync(scope, filter, http.RequestAborted), http.RequestAborted);
        }

        var page = await query.PageAsync(scope, filter, ct);
        return filter.Offset > 0 && page.Items.Count == 0
            ? ProblemResults.Validation("after", $"is past the end: {EnglishCount.Matching(page.Total, "recorder", "recorders")}")
            : Results.Ok(page);
    }
}
