using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary><c>/api/v1/agencies/{code}/recorders</c> (list, create, CSV import) and <c>/api/v1/recorders/{serial}</c>.</summary>
public static class RecorderEndpoints
{
    public static RouteGroupBuilder MapRecorders(this RouteGroupBuilder api)
    {
        var byAgency = api.MapGroup("/agencies/{code}/recorders").WithTags("Registry");
        byAgency.MapGet("/", async (string code, string? status, HttpContext http, AgencyStore agencies, RecorderStore store, CancellationToken ct) =>
        {
            if (!await OfficerEndpoints.Visible(code, http, agencies, ct))
            {
                return OfficerEndpoints.NoAgency(code);
            }

            return status is not null && RegistryRules.Status(status) is { } error
                ? ProblemResults.Validation("status", error)
                : Results.Ok(await store.ListAsync(code, status, ct));
        }).RequirePeople(CloudPolicies.Read).WithSummary("List an agency's recorders")
            .WithDescription("status (in-service, repair, retired) narrows the list.").Produces<IReadOnlyList<Recorder>>();

        byAgency.MapPost("/", async (string code, RecorderRequest request, HttpContext http, AgencyStore agencies, RecorderStore store, CancellationToken ct) =>
        {
            if (!await OfficerEndpoints.Changeable(code, http, agencies, ct))
            {
                return OfficerEndpoints.NoAgency(code);
            }

            var errors = Validate(request with { Status = request.Status ?? RecorderStatus.InService });
            if (errors.Any)
            {
                return errors.ToResult();
            }

            var outcome = await store.SaveAsync(code, request with { Status = request.Status ?? RecorderStatus.InService }, mustBeNew: true, ct);
            return outcome == RecorderWrite.Created
                ? Results.Created($"/api/v1/recorders/{request.Serial}", await store.FindAsync(request.Serial!, ct))
                : Refused(outcome, request, code);
        }).RequirePeople(CloudPolicies.Manage).WithSummary("Register a recorder")
            .WithDescription("Status defaults to in-service. Location names the new recorder; 409 when the serial is registered already.")
            .Produces<Recorder>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        byAgency.MapPost("/import", async (string code, HttpContext http, AgencyStore agencies, RegistryImport import, CancellationToken ct) =>
        {
            if (!await OfficerEndpoints.Changeable(code, http, agencies, ct))
            {
                return OfficerEndpoints.NoAgency(code);
            }

            return CsvImportResults.IsCsv(http.Request)
                ? await CsvImportResults.ImportAsync(http.Request, csv => import.ImportRecordersAsync(code, csv, ct), ct)
                : CsvImportResults.NotCsv();
        }).RequirePeople(CloudPolicies.Manage).Accepts<string>("text/csv")
            .WithSummary("Import recorders from CSV")
            .WithDescription("UTF-8 CSV with the columns serial,vendor,model and optionally status,assigned_badge. Existing recorders are updated, new ones created, in one transaction: any invalid line (400, naming the line and field) and nothing is written.")
            .Produces<ImportSummary>().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var recorders = api.MapGroup("/recorders").WithTags("Registry");
        recorders.MapGet("/{serial}", async (string serial, HttpContext http, RecorderStore store, CancellationToken ct) =>
            await store.FindAsync(serial, ct) is { } recorder && CallerScope.From(http.User).CanSee(recorder.AgencyCode)
                ? Results.Ok(recorder)
                : ProblemResults.NotFound($"no recorder '{serial}'")).RequirePeople(CloudPolicies.Read)
            .WithSummary("Get a recorder").Produces<Recorder>();

        recorders.MapPut("/{serial}", async (string serial, RecorderRequest request, HttpContext http, RecorderStore store, CancellationToken ct) =>
        {
            if (await store.FindAsync(serial, ct) is not { } existing || !CallerScope.From(http.User).CanChange(existing.AgencyCode))
            {
                return ProblemResults.NotFound($"no recorder '{serial}'");
            }

            var errors = Validate(request with { Serial = serial });
            if (request.Serial is not null && request.Serial != serial)
            {
                errors.Add("serial", "a serial cannot change; omit it or repeat the one in the path");
            }

            if (errors.Any)
            {
                return errors.ToResult();
            }

            var outcome = await store.SaveAsync(existing.AgencyCode, request with { Serial = serial }, mustBeNew: false, ct);
            return outcome == RecorderWrite.Updated ? Results.Ok(await store.FindAsync(serial, ct)) : Refused(outcome, request, existing.AgencyCode);
        }).RequirePeople(CloudPolicies.Manage).WithSummary("Update a recorder")
            .WithDescription("Vendor, model, status and assignment; the serial cannot change. Answers the recorder as stored.")
            .Produces<Recorder>().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static FieldErrors Validate(RecorderRequest request)
    {
        var errors = new FieldErrors();
        RegistryRules.AddIf(errors, "serial", RegistryRules.Serial(request.Serial));
        RegistryRules.AddIf(errors, "vendor", RegistryRules.Text(request.Vendor));
        RegistryRules.AddIf(errors, "model", RegistryRules.Text(request.Model));
        RegistryRules.AddIf(errors, "status", RegistryRules.Status(request.Status));
        if (request.AssignedBadge is not null)
        {
            RegistryRules.AddIf(errors, "assignedBadge", RegistryRules.Badge(request.AssignedBadge));
            if (request.Status == RecorderStatus.Retired)
            {
                errors.Add("assignedBadge", "a retired recorder cannot be assigned");
            }
        }

        return errors;
    }

    private static IResult Refused(RecorderWrite outcome, RecorderRequest request, string code) => outcome switch
    {
        RecorderWrite.Duplicate => ProblemResults.Conflict($"recorder '{request.Serial}' already exists"),
        RecorderWrite.OtherAgency => ProblemResults.Conflict($"recorder '{request.Serial}' is registered to another agency"),
        RecorderWrite.UnknownOfficer => ProblemResults.Validation("assignedBadge", $"'{request.AssignedBadge}' is not an officer of {code}"),
        _ => throw new InvalidOperationException($"unexpected recorder write outcome {outcome}"),
    };
}
