using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary><c>/api/v1/agencies/{code}/officers</c> including the CSV import.</summary>
public static class OfficerEndpoints
{
    public static RouteGroupBuilder MapOfficers(this RouteGroupBuilder api)
    {
        var officers = api.MapGroup("/agencies/{code}/officers").WithTags("Registry");
        officers.MapGet("/", async (string code, HttpContext http, AgencyStore agencies, OfficerStore store, CancellationToken ct) =>
            await Visible(code, http, agencies, ct) ? Results.Ok(await store.ListAsync(code, ct)) : NoAgency(code))
            .RequirePeople(CloudPolicies.Read).WithSummary("List an agency's officers").Produces<IReadOnlyList<Officer>>();

        officers.MapGet("/{badge}", async (string code, string badge, HttpContext http, AgencyStore agencies, OfficerStore store, CancellationToken ct) =>
            await Visible(code, http, agencies, ct) && await store.FindAsync(code, badge, ct) is { } officer
                ? Results.Ok(officer)
                : ProblemResults.NotFound($"no officer '{badge}' in agency '{code}'")).RequirePeople(CloudPolicies.Read)
            .WithSummary("Get an officer").Produces<Officer>();

        officers.MapPost("/", async (string code, OfficerRequest request, HttpContext http, AgencyStore agencies, OfficerStore store, CancellationToken ct) =>
        {
            if (!await Changeable(code, http, agencies, ct))
            {
                return NoAgency(code);
            }

            var errors = new FieldErrors();
            RegistryRules.AddIf(errors, "badgeNumber", RegistryRules.Badge(request.BadgeNumber));
            RegistryRules.AddIf(errors, "name", RegistryRules.Text(request.Name));
            if (errors.Any)
            {
                return errors.ToResult();
            }

            return await store.CreateAsync(code, request.BadgeNumber!, request.Name!, ct)
                ? Results.Created($"/api/v1/agencies/{code}/officers/{request.BadgeNumber}", await store.FindAsync(code, request.BadgeNumber!, ct))
                : ProblemResults.Conflict($"badge '{request.BadgeNumber}' already exists in agency '{code}'");
        }).RequirePeople(CloudPolicies.Manage).Produces<Officer>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register an officer")
            .WithDescription("Location names the new officer; 409 when the badge number is taken in this agency.");

        officers.MapPut("/{badge}", async (string code, string badge, OfficerRequest request, HttpContext http, AgencyStore agencies, OfficerStore store, CancellationToken ct) =>
        {
            if (!await Changeable(code, http, agencies, ct) || await store.FindAsync(code, badge, ct) is null)
            {
                return ProblemResults.NotFound($"no officer '{badge}' in agency '{code}'");
            }

            var errors = new FieldErrors();
            RegistryRules.AddIf(errors, "name", RegistryRules.Text(request.Name));
            if (request.BadgeNumber is not null && request.BadgeNumber != badge)
            {
                errors.Add("badgeNumber", "a badge number cannot change; omit it or repeat the one in the path");
            }

            if (errors.Any)
            {
                return errors.ToResult();
            }

            await store.RenameAsync(code, badge, request.Name!, ct);
            return Results.Ok(await store.FindAsync(code, badge, ct));
        }).RequirePeople(CloudPolicies.Manage).WithSummary("Rename an officer")
            .WithDescription("The badge number cannot change. Answers the officer as stored.").Produces<Officer>();

        officers.MapPost("/import", async (string code, HttpContext http, AgencyStore agencies, RegistryImport import, CancellationToken ct) =>
        {
            if (!await Changeable(code, http, agencies, ct))
            {
                return NoAgency(code);
            }

            return CsvImportResults.IsCsv(http.Request)
                ? await CsvImportResults.ImportAsync(http.Request, csv => import.ImportOfficersAsync(code, csv, ct), ct)
                : CsvImportResults.NotCsv();
        }).RequirePeople(CloudPolicies.Manage).Accepts<string>("text/csv")
            .WithSummary("Import officers from CSV")
            .WithDescription("UTF-8 CSV with the columns badge_number,name. Existing officers are renamed, new ones created, in one transaction: any invalid line (400, naming the line and field) and nothing is written.")
            .Produces<ImportSummary>().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    internal static async Task<bool> Visible(string code, HttpContext http, AgencyStore agencies, CancellationToken ct) =>
        CallerScope.From(http.User).CanSee(code) && await agencies.FindAsync(code, ct) is not null;

    internal static async Task<bool> Changeable(string code, HttpContext http, AgencyStore agencies, CancellationToken ct) =>
        CallerScope.From(http.User).CanChange(code) && await agencies.FindAsync(code, ct) is not null;

    internal static IResult NoAgency(string code) => ProblemResults.NotFound($"no agency '{code}'");
}
