using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.AccessLog;

/// <summary>
/// <c>GET /api/v1/access-log</c>: admins and auditors; a scoped auditor sees only its agencies. Keyset pages (the next
/// page's address in an RFC 8288 <c>Link: rel="next"</c> header) or every matching entry as CSV.
/// </summary>
public static class AccessLogEndpoints
{
    public static RouteGroupBuilder MapAccessLog(this RouteGroupBuilder api)
    {
        api.MapGet("/access-log", ListAsync).RequirePeople(CloudPolicies.Audit).WithTags("Audit")
            .WithSummary("List the access log")
            .WithDescription("Reads and exports of evidence and registry data, newest first. Filters: since (inclusive) and until (exclusive), "
                + "RFC 3339; action (footage.view, footage.download, footage.search, …); actor (a token id or a person's name, exact); "
                + "agency; resource (exact: a SHA-256, a case id). limit (1-10000, default 1000) entries a page; when more match, the "
                + "Link header names the next page (after). format=csv (or Accept: text/csv) gives every matching entry. A scoped "
                + "auditor sees only its agencies.")
            .Produces<IReadOnlyList<AccessLogEntry>>().ProducesCsv().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesHeader(StatusCodes.Status200OK, "Link", "RFC 8288: <…&after=…>; rel=\"next\" when more entries match (JSON only).");
        return api;
    }

    private static async Task<IResult> ListAsync(
        DateTimeOffset? since, DateTimeOffset? until, string? action, string? actor, string? agency, string? resource, int? limit, string? after, string? format,
        HttpContext http, AgencyStore agencies, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        if (limit is < 1 or > 10_000)
        {
            errors.Add("limit", "must be between 1 and 10000");
        }

        if (since is not null && until is not null && until <= since)
        {
            errors.Add("until", "must be after since");
        }

        var count = limit ?? 1000;
        var cursor = KeysetCursor.Parse(after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var query = new AccessLogQuery(caller.Scope(agency), since, Blank(action), count, until, Blank(actor), Blank(resource), cursor);
        if (csv == true)
        {
            await log.RecordAsync(http.User, "export.access-log", http.Request.Path + http.Request.QueryString, agency, "access log as CSV", ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"access-log-{agency ?? "all"}.csv\"";
            return AccessLogCsv.Table.Stream(log.AllAsync(query with { After = null }, http.RequestAborted), http.RequestAborted);
        }

        var entries = await log.ListAsync(query with { Limit = count + 1 }, ct);
        if (entries.Count > count)
        {
            entries = entries.Take(count).ToList();
            var next = new KeysetCursor(entries[^1].At.ToUnixTimeMilliseconds(), entries[^1].Id).ToString();
            var rest = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value)
                .Where(p => p.Key != "after").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
            http.Response.Headers.Link = $"<{http.Request.Path}?{string.Join('&', rest.Append("after=" + next))}>; rel=\"next\"";
        }

        return Results.Ok(entries);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
