using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// <c>GET/PUT /api/v1/agencies/{code}/evidence-settings</c>: second-person approval before downloads and the
/// retention in days (at least 183). Read by admins, auditors and reviewers of the agency; changed by admins.
/// </summary>
public static class EvidenceSettingsEndpoints
{
    public static RouteGroupBuilder MapEvidenceSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/agencies/{code}/evidence-settings", async (string code, HttpContext http, AgencyStore agencies, EvidenceSettingsStore store, CancellationToken ct) =>
            !CallerScope.From(http.User).CanSee(code) || await agencies.FindAsync(code, ct) is null
                ? ProblemResults.NotFound($"no agency '{code}'")
                : Results.Ok(await store.GetAsync(code, ct)))
            .RequirePeople(CloudPolicies.Evidence).WithTags("Evidence")
            .WithSummary("An agency's evidence settings")
            .WithDescription("Whether downloads need a second person's approval, and the retention in days (default 183, six months).")
            .Produces<EvidenceSettings>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/agencies/{code}/evidence-settings", async (string code, EvidenceSettingsRequest body, HttpContext http, AgencyStore agencies,
            EvidenceSettingsStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (await agencies.FindAsync(code, ct) is null)
            {
                return ProblemResults.NotFound($"no agency '{code}'");
            }

            var errors = new FieldErrors();
            if (body.RetentionDays is null or < EvidenceSettings.MinimumRetentionDays or > EvidenceSettings.MaximumRetentionDays)
            {
                errors.Add("retentionDays", $"required, a whole number of days from {EvidenceSettings.MinimumRetentionDays} (six months, the legal minimum) to {EvidenceSettings.MaximumRetentionDays}");
            }

            if (body.DownloadApproval is null)
            {
                errors.Add("downloadApproval", "required: true or false");
            }

            if (errors.Any)
            {
                return errors.ToResult();
            }

            var caller = CallerScope.From(http.User);
            var settings = new EvidenceSettings(code, body.DownloadApproval!.Value, body.RetentionDays!.Value, time.GetUtcNow(), caller.Name);
            await store.SaveAsync(settings, ct);
            return Results.Ok(settings);
        }).RequirePeople(CloudPolicies.Admin).WithTags("Evidence")
            .WithSummary("Change an agency's evidence settings")
            .WithDescription("Admins only. retentionDays below 183 (six months) is refused naming retentionDays.")
            .Produces<EvidenceSettings>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
