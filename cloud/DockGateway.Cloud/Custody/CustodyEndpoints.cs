using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using DockGateway.Shared.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// Auditors and admins (scoped by agency, every read access-logged): <c>GET /api/v1/custody/docks</c> (per dock the
/// largest cosigned checkpoint, entries held, witness status, refusals; paged, JSON or CSV),
/// <c>GET /api/v1/custody/docks/{id}/rejections</c> (the refused checkpoints kept as evidence) and
/// <c>GET /api/v1/custody/files/{sha256}</c> (the custody records of a file, with proofs a browser checks itself).
/// </summary>
public static class CustodyEndpoints
{
    public static RouteGroupBuilder MapCustody(this RouteGroupBuilder api)
    {
        var custody = api.MapGroup("/custody").RequirePeople(CloudPolicies.Audit).WithTags("Custody");
        custody.MapGet("/docks", DocksAsync)
            .WithName("listCustodyDocks").WithSummary("The custody state of every dock in scope")
            .WithDescription("Per dock: the largest checkpoint the cloud cosigned (size, root, when), the entries it holds, the refused checkpoints "
                + "and a witness status (ok, behind, refused, never). Filters: agency, status, q (part of a dock id or site); offset pages "
                + "(limit 1-1000, after = the previous page's next; a page past the end is 400); format=csv for the whole list. Access-logged.")
            .Produces<CustodyDockPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        custody.MapGet("/docks/{id}/rejections", RejectionsAsync)
            .WithName("listWitnessRejections").WithSummary("The checkpoints the cloud refused to cosign for a dock, kept as evidence")
            .WithDescription("Newest first, each with its reason and the add-checkpoint request verbatim; offset pages (limit, after); "
                + "format=csv for the page. Access-logged.")
            .Produces<WitnessRejectionPage>().Produces<string>(200, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        custody.MapGet("/files/{sha256}", FileAsync)
            .WithName("getCustodyFile").WithSummary("The custody records of a file, by its SHA-256, with proofs to check in the client")
            .WithDescription("For each dock entry in the caller's agencies that ingested a file with this SHA-256 (64 hex digits): dock, origin, "
                + "recorder, officer, recorded times, the ingested and uploaded entries as their canonical JSON verbatim (leaf = "
                + "SHA-256(0x00 || entry)), each with a c2sp.org/tlog-proof@v1 bundle (RFC 6962 inclusion proof to the largest checkpoint the "
                + "cloud cosigned and holds the entries for; the bundle carries that checkpoint signed by the dock and cosigned by the cloud, "
                + "C2SP cosignature/v1). dockKey and witnessKey are what the server claims: verify against keys pinned out of band. "
                + "404 when no such file is in custody in the caller's agencies (a file that differs by one byte is not). Every record read "
                + "is access-logged, and so is a miss.")
            .Produces<CustodyFileAnswer>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> FileAsync(string sha256, HttpContext http, CustodyFileLookup lookup, IAccessLog log, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            return ProblemResults.Validation("sha256", $"must be 64 hexadecimal digits (was '{(sha256.Length > 80 ? sha256[..80] + "…" : sha256)}')");
        }

        sha256 = sha256.ToLowerInvariant();
        var caller = CallerScope.From(http.User);
        var records = await lookup.FindAsync(sha256, caller.CanSee, ct);
        if (records.Count == 0)
        {
            await log.RecordAsync(http.User, "custody.file.lookup", sha256, null, "not in custody", ct);
            return ProblemResults.NotFound($"No recording with SHA-256 {sha256} is in custody in your agencies.");
        }

        foreach (var record in records)
        {
            await log.RecordAsync(http.User, "custody.file.read", $"{record.DockId}/{record.Ingested.Index}", record.AgencyCode, sha256, ct);
        }

        return Results.Ok(new CustodyFileAnswer(sha256, records));
    }

    private static async Task<IResult> DocksAsync(
        string? agency, string? status, string? q, string? limit, string? after, string? format,
        HttpContext http, AgencyStore agencies, CustodyDockQuery query, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        if (status is not null && !WitnessStatus.All.Contains(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", WitnessStatus.All)} (was '{status}')");
        }

        if (q is { Length: > 64 })
        {
            errors.Add("q", "must be at most 64 characters");
        }

        var page = OffsetPage.Parse(limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var scope = caller.Scope(agency);
        if (csv == true)
        {
            await log.RecordAsync(http.User, "export.custody.docks", http.Request.Path + http.Request.QueryString, agency, "custody overview as CSV", ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"custody-{agency ?? "all"}.csv\"";
            return CustodyDockCsv.Table.Stream(query.AllAsync(scope, status, search, http.RequestAborted), http.RequestAborted);
        }

        await log.RecordAsync(http.User, "custody.docks.read", http.Request.Path + http.Request.QueryString, agency, null, ct);
        var result = await query.PageAsync(scope, status, search, page, ct);
        return page.Offset > 0 && result.Items.Count == 0
            ? ProblemResults.Validation("after", $"is past the end: {EnglishCount.Matching(result.Total, "dock", "docks")}")
            : Results.Ok(result);
    }

    private static async Task<IResult> RejectionsAsync(
        string id, string? limit, string? after, string? format,
        HttpContext http, IDockKeys docks, WitnessRejectionQuery query, IAccessLog log, CancellationToken ct)
    {
        var dock = await docks.FindAsync(id, ct);
        if (dock is null || !CallerScope.From(http.User).CanSee(dock.AgencyCode))
        {
            return ProblemResults.NotFound($"Dock '{id}' does not exist or is not in your agencies.");
        }

        var errors = new FieldErrors();
        var page = OffsetPage.Parse(limit, after, errors);
        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        await log.RecordAsync(http.User, csv == true ? "export.custody.rejections" : "custody.rejections.read", dock.Origin, dock.AgencyCode, null, ct);
        var (items, total) = await query.PageAsync(dock.Origin, page, ct);
        if (page.Offset > 0 && items.Count == 0)
        {
            return ProblemResults.Validation("after", $"is past the end: {EnglishCount.Of(total, "refused checkpoint", "refused checkpoints")}");
        }

        if (csv == true)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"refused-{dock.DockId}.csv\"";
            return WitnessRejectionCsv.Of(dock.DockId, dock.Origin, items);
        }

        return Results.Ok(new WitnessRejectionPage(dock.DockId, dock.Origin, items, total, page.Next(items.Count, total)));
    }
}
