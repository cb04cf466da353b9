using System.Globalization;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Cases;

/// <summary>
/// Cases: create (<c>POST /api/v1/agencies/{code}/cases</c>), list (<c>GET /api/v1/cases</c>, <c>?overdue=true</c> for the
/// archive-deadline alerts), read, link footage, archive. Reads: admins, auditors, reviewers; changes: admins and the
/// agency's reviewers. Linking footage holds it from the retention job until an admin releases the hold.
/// </summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/agencies/{code}/cases", CreateAsync)
            .RequirePeople(CloudPolicies.Retrieve).WithTags("Cases")
            .Produces<CaseFile>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Open a case")
            .WithDescription("caseNumber: " + CaseNumber.Rule + "; enforcementType: one of " + string.Join(", ", EnforcementTypes.Names.Keys)
                + "; actionEndedOn: the date the enforcement action ended (YYYY-MM-DD). The archive is due 30 days later (end of that day, UTC).");

        api.MapGet("/cases", async (string? agency, bool? overdue, HttpContext http, CaseStore cases, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return agency is not null && !caller.CanSee(agency)
                ? ProblemResults.NotFound($"no agency '{agency}'")
                : Results.Ok(await cases.ListAsync(caller.Scope(agency), overdue ?? false, ct));
        }).RequirePeople(CloudPolicies.Evidence).WithTags("Cases").Produces<IReadOnlyList<CaseFile>>()
            .WithSummary("List cases")
            .WithDescription("Newest first (at most 1000) within the caller's agencies; overdue=true lists the archive-deadline alerts: "
                + "cases the deadline job found 30 days past their action's end and not archived, most overdue first.");

        api.MapGet("/cases/{id}", async (string id, HttpContext http, CaseStore cases, CancellationToken ct) =>
            await cases.FindAsync(id, ct) is { } file && CallerScope.From(http.User).CanSee(file.AgencyCode)
                ? Results.Ok(file)
                : ProblemResults.NotFound($"no case '{id}'"))
            .RequirePeople(CloudPolicies.Evidence).WithTags("Cases").Produces<CaseFile>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One case with its linked footage");

        api.MapPost("/cases/{id}/footage", LinkAsync)
            .RequirePeople(CloudPolicies.Retrieve).WithTags("Cases")
            .Produces<CaseFile>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link footage to a case")
            .WithDescription("By sha256 (every entry of that file in the case's agency) or by dockId and entryIndex (one custody entry). "
                + "Each linked file gets a retention hold that only an admin can release.");

        api.MapPost("/cases/{id}/archive", async (string id, HttpContext http, CaseStore cases, TimeProvider time, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            var file = await cases.FindAsync(id, ct);
            if (file is null || !caller.CanSee(file.AgencyCode))
            {
                return ProblemResults.NotFound($"no case '{id}'");
            }

            if (!caller.CanRetrieve(file.AgencyCode))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"only an admin or a reviewer of agency {file.AgencyCode} may archive case {id}");
            }

            return await cases.ArchiveAsync(id, caller.Name, time.GetUtcNow(), ct)
                ? Results.Ok(await cases.FindAsync(id, ct))
                : ProblemResults.Conflict($"case {id} is already archived");
        }).RequirePeople(CloudPolicies.Retrieve).WithTags("Cases")
            .Produces<CaseFile>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark a case archived")
            .WithDescription("Ends its archive-deadline alert. Its footage stays held until an admin releases the holds.");
        return api;
    }

    private static async Task<IResult> CreateAsync(string code, CaseRequest body, HttpContext http, AgencyStore agencies, CaseStore cases, TimeProvider time, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        if (!caller.CanSee(code) || await agencies.FindAsync(code, ct) is null)
        {
            return ProblemResults.NotFound($"no agency '{code}'");
        }

        if (!caller.CanRetrieve(code))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"only an admin or a reviewer of agency {code} may open its cases");
        }

        var errors = new FieldErrors();
        if (!CaseNumber.IsValid(body.CaseNumber))
        {
            errors.Add("caseNumber", $"must be {CaseNumber.Rule} (was '{body.CaseNumber}')");
        }

        if (!EnforcementTypes.IsValid(body.EnforcementType))
        {
            errors.Add("enforcementType", $"must be one of {string.Join(", ", EnforcementTypes.Names.Select(n => $"{n.Key} ({n.Value})"))}");
        }

        if (!DateOnly.TryParseExact(body.ActionEndedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ended))
        {
            errors.Add("actionEndedOn", "must be the date the enforcement action ended, YYYY-MM-DD");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var now = time.GetUtcNow();
        var due = new DateTimeOffset(ended.AddDays(CaseFile.ArchiveDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var file = new CaseFile(Guid.CreateVersion7().ToString("n"), code, body.CaseNumber!, body.EnforcementType!, ended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            due, now, caller.Name, null, null, null, []);
        if (!await cases.TryCreateAsync(file, ct))
        {
            return ProblemResults.Conflict($"agency {code} already has case number {body.CaseNumber}");
        }

        return Results.Created($"/api/v1/cases/{file.Id}", file);
    }

    private static async Task<IResult> LinkAsync(
        string id, CaseLinkRequest body, HttpContext http, CaseStore cases, FootageSearch search, IAccessLog log, TimeProvider time, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        var file = await cases.FindAsync(id, ct);
        if (file is null || !caller.CanSee(file.AgencyCode))
        {
            return ProblemResults.NotFound($"no case '{id}'");
        }

        if (!caller.CanRetrieve(file.AgencyCode))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"only an admin or a reviewer of agency {file.AgencyCode} may link footage to case {id}");
        }

        var errors = new FieldErrors();
        List<FootageHit> footage;
        if (body.Sha256 is not null && body.DockId is null && body.EntryIndex is null)
        {
            if (!Sha256Parameter.Check(body.Sha256, errors))
            {
                return errors.ToResult();
            }

            footage = (await search.BySha256Async(body.Sha256, ct)).Where(f => f.AgencyCode == file.AgencyCode).ToList();
            if (footage.Count == 0)
            {
                return ProblemResults.Validation("sha256", $"no footage with SHA-256 {body.Sha256} in agency {file.AgencyCode}");
            }
        }
        else if (body.Sha256 is null && body.DockId is not null && body.EntryIndex is { } index)
        {
            var entry = await search.ByEntryAsync(body.DockId, index, ct);
            if (entry is null || entry.AgencyCode != file.AgencyCode)
            {
                return ProblemResults.Validation("entryIndex", $"dock {body.DockId} has no footage entry {index} in agency {file.AgencyCode}");
            }

            footage = [entry];
        }
        else
        {
            return ProblemResults.Validation("sha256", "give either sha256, or dockId and entryIndex");
        }

        await cases.LinkAsync(file, footage, caller.Name, time.GetUtcNow(), ct);
        await log.RecordAsync(http.User, "case.link", string.Join(',', footage.Select(f => f.Sha256).Distinct()), file.AgencyCode, $"case {file.CaseNumber}", ct);
        return Results.Ok(await cases.FindAsync(id, ct));
    }
}
