using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.ApiReference;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Cases;

/// <summary>
/// <c>GET /api/v1/cases/{id}/package</c>: the case's archive package (zip) for admins and the agency's reviewers, with a
/// stated <c>reason</c>; it carries footage, so it is a download (second-person approval applies per file) and access-logged.
/// </summary>
public static class CasePackageEndpoints
{
    public static RouteGroupBuilder MapCasePackage(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id}/package", PackageAsync)
            .RequirePeople(CloudPolicies.Retrieve).WithTags("Cases")
            .ProducesText(StatusCodes.Status200OK, "application/zip", "The case package (zip), sent as an attachment.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Download a case's archive package")
            .WithDescription("A zip: case.json, README.txt and per dock an audit bundle (checkpoint, entries.jsonl, keys.txt, checkpoints/, proofs/) "
                + "with the case's files under footage/, verifiable offline with dockctl audit verify --footage … --footage-for <sha256>. "
                + "reason is required (400 naming it); 409 while an entry is not yet covered by a cosigned checkpoint or a file not yet uploaded.");
        return api;
    }

    private static async Task<IResult> PackageAsync(
        string id, string? reason, HttpContext http, CaseStore cases, CasePackageWriter writer, EvidenceSettingsStore settings,
        DownloadRequestStore requests, IAccessLog log, CancellationToken ct)
    {
        var caller = CallerScope.From(http.User);
        var file = await cases.FindAsync(id, ct);
        if (file is null || !caller.CanSee(file.AgencyCode))
        {
            return ProblemResults.NotFound($"no case '{id}'");
        }

        if (!caller.CanRetrieve(file.AgencyCode))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: $"only an admin or a reviewer of agency {file.AgencyCode} may download case {id}");
        }

        var errors = new FieldErrors();
        var why = AccessReason.From(http, reason, errors);
        if (file.Footage.Count == 0)
        {
            errors.Add("id", $"case {id} has no linked footage to package");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if ((await settings.GetAsync(file.AgencyCode, ct)).DownloadApproval)
        {
            foreach (var sha in file.Footage.Select(f => f.Sha256).Distinct(StringComparer.Ordinal))
            {
                if (!(await requests.ForAsync(sha, file.AgencyCode, caller.TokenId, ct)).Any(r => r.Approved))
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Download not approved.",
                        detail: $"agency {file.AgencyCode} requires a second person's approval: file {sha} of case {file.CaseNumber} has no approved download request of yours");
                }
            }
        }

        Stream package;
        try
        {
            package = await writer.WriteAsync(file, ct);
        }
        catch (CasePackageException e)
        {
            return ProblemResults.Conflict(e.Message);
        }

        await log.RecordAsync(http.User, "case.package", id, file.AgencyCode, why, ct);
        foreach (var sha in file.Footage.Select(f => f.Sha256).Distinct(StringComparer.Ordinal))
        {
            await log.RecordAsync(http.User, "footage.download", sha, file.AgencyCode, $"case {file.CaseNumber} package: {why}", ct);
        }

        return Results.Stream(package, "application/zip", $"case-{SafeName(file.CaseNumber)}.zip");
    }

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
