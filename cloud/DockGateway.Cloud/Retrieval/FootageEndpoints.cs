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

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// <c>GET /api/v1/footage</c> (search) and <c>GET /api/v1/footage/{sha256}</c> (one file's entries): admins,
/// auditors and reviewers, within their agencies. Every search and every metadata view is access-logged.
/// </summary>
public static class FootageEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapFootage(this RouteGroupBuilder api)
    {
        api.MapGet("/footage", SearchAsync)
            .RequirePeople(CloudPolicies.Evidence).WithTags("Evidence")
            .Produces<FootagePage>().ProducesCsv().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Search footage")
            .WithDescription("Footage the cloud logged, newest recording first, filtered by agency, officer (badge), recorder (serial), dock (id), "
                + "from/to (RFC 3339; recordings overlapping [from, to)) and caseNumber. Pages of limit (1-1000, default 100) after the "
                + "previous page's next; or every hit as CSV (format=csv or Accept: text/csv). Each search is written to the access log.");

        api.MapGet("/footage/{sha256}", async (string sha256, HttpContext http, FootageSearch search, IAccessLog log, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (!Sha256Parameter.Check(sha256, errors))
            {
                return errors.ToResult();
            }

            var access = await FootageAccess.ForAsync(search, CallerScope.From(http.User), sha256, ct);
            if (access.Visible.Count == 0)
            {
                return ProblemResults.NotFound($"no footage with SHA-256 {sha256} in the agencies you may see");
            }

            await log.RecordAsync(http.User, "footage.metadata", sha256, access.Visible[0].AgencyCode, null, ct);
            return Results.Ok(access.Visible);
        }).RequirePeople(CloudPolicies.Evidence).WithTags("Evidence")
            .Produces<IReadOnlyList<FootageHit>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One file's custody entries")
            .WithDescription("Every footage entry with this SHA-256 the caller may see (access-logged as footage.metadata).");
        return api;
    }

    private static async Task<IResult> SearchAsync(
        string? agency, string? officer, string? recorder, string? dock, string? from, string? to, string? caseNumber,
        string? limit, string? after, string? format, HttpContext http, AgencyStore agencies, FootageSearch search, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);
        var cursor = KeysetCursor.Parse(after, errors);
        var (start, end) = FootageFilter.ParseRange(from, to, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var filter = new FootageFilter(caller.Scope(agency), officer, recorder, dock, start, end, caseNumber);
        var query = http.Request.Path + http.Request.QueryString;
        if (csv != true)
        {
            await log.RecordAsync(http.User, "footage.search", query, agency, null, ct);
            return Results.Ok(await search.PageAsync(filter, cursor, count, ct));
        }

        await log.RecordAsync(http.User, "export.footage", query, agency, "footage search as CSV", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"footage-{agency ?? "all"}.csv\"";
        return FootageCsv.Table.Stream(search.AllAsync(filter, http.RequestAborted), http.RequestAborted);
    }
}
