using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Exports;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Retention;

/// <summary>
/// Retention: <c>GET /api/v1/retention/preview</c> (dry run, JSON or CSV), <c>GET /api/v1/retention/deletions</c>
/// (deletion records), <c>GET /api/v1/holds</c> and <c>POST /api/v1/holds/{id}/release</c> (admins only).
/// </summary>
public static class RetentionEndpoints
{
    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder api)
    {
        api.MapGet("/retention/preview", PreviewAsync)
            .RequirePeople(CloudPolicies.Evidence).WithTags("Retention")
            .Produces<RetentionPreview>().ProducesCsv().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What the retention job would delete")
            .WithDescription("A dry run: every stored file the retention job would delete from now until days (1-366, default 30) ahead, "
                + "with the rule and when; held files never appear. agency narrows it; JSON, or CSV with format=csv. Changes nothing.");

        api.MapGet("/retention/deletions", async (string? agency, string? sha256, HttpContext http, DeletionRecordStore records, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return agency is not null && !caller.CanSee(agency)
                ? ProblemResults.NotFound($"no agency '{agency}'")
                : Results.Ok(await records.ListAsync(caller.Scope(agency), sha256, ct));
        })
            .RequirePeople(CloudPolicies.Evidence).WithTags("Retention").Produces<IReadOnlyList<DeletionRecord>>()
            .WithSummary("Deletion records")
            .WithDescription("What the retention job deleted (state deleted), is deleting (pending) or did not delete because a hold arrived (cancelled), newest first.");

        api.MapGet("/holds", async (string? agency, string? sha256, bool? active, HttpContext http, HoldStore holds, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return agency is not null && !caller.CanSee(agency)
                ? ProblemResults.NotFound($"no agency '{agency}'")
                : Results.Ok(await holds.ListAsync(caller.Scope(agency), sha256, active ?? true, ct));
        })
            .RequirePeople(CloudPolicies.Evidence).WithTags("Retention").Produces<IReadOnlyList<RetentionHold>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Retention holds")
            .WithDescription("Holds within the caller's agencies (agency narrows them), newest first; active=false lists released ones too.");

        api.MapPost("/holds/{id}/release", async (string id, HttpContext http, HoldStore holds, IAccessLog log, TimeProvider time, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            var hold = await holds.FindAsync(id, ct);
            if (hold is null || !caller.CanSee(hold.AgencyCode))
            {
                return ProblemResults.NotFound($"no hold '{id}'");
            }

            if (!caller.IsAdmin)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                    detail: $"only an admin may release hold {id}; it stays in place");
            }

            if (!await holds.ReleaseAsync(id, caller.Name, time.GetUtcNow(), ct))
            {
                return ProblemResults.Conflict($"hold {id} is already released");
            }

            await log.RecordAsync(http.User, "hold.release", hold.Sha256, hold.AgencyCode, hold.Reason, ct);
            return Results.Ok(await holds.FindAsync(id, ct));
        }).RequirePeople(CloudPolicies.Evidence).WithTags("Retention")
            .Produces<RetentionHold>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Release a hold")
            .WithDescription("Admins only (403 for anyone else, nothing changed). The file then falls under its agency's retention again.");
        return api;
    }

    private static async Task<IResult> PreviewAsync(
        string? agency, string? days, string? format, HttpContext http, AgencyStore agencies, RetentionPlanner planner, IAccessLog log, TimeProvider time, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (agency is not null && (!caller.CanSee(agency) || await agencies.FindAsync(agency, ct) is null))
        {
            return ProblemResults.NotFound($"no agency '{agency}'");
        }

        var errors = new FieldErrors();
        var horizonDays = Paging.PageLimit.Parse(days, 30, 366, errors);
        if (errors.Has("limit"))
        {
            errors = new FieldErrors();
            errors.Add("days", "must be a whole number of days from 1 to 366");
        }

        var csv = ResponseFormat.WantsCsv(http, format, errors);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var now = time.GetUtcNow();
        var until = now.AddDays(horizonDays);
        var files = await planner.DueByAsync(until, caller.Scope(agency), ct);
        var items = files.SelectMany(f => f.Select(c => new RetentionPreviewItem(
            c.Sha256, c.DockId, c.EntryIndex, c.AgencyCode, c.Size, c.Path, c.RetentionDays, f.Max(x => x.DueAt) < now ? now : f.Max(x => x.DueAt), c.Rule))).ToList();
        var preview = new RetentionPreview(now, until, files.Count, files.Sum(f => f.First().Size), items);
        if (csv != true)
        {
            return Results.Ok(preview);
        }

        await log.RecordAsync(http.User, "export.retention", http.Request.Path + http.Request.QueryString, agency, "retention dry run as CSV", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"retention-{agency ?? "all"}.csv\"";
        return RetentionCsv.Table.Of(preview.Items);
    }
}
