using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// <c>/api/v1/agencies</c>: admins create and update (class, officer count and minimums decide the ratio,
/// so the managers measured by it do not set them); anyone in scope reads.
/// </summary>
public static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencies(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Registry");
        agencies.MapGet("/", async (HttpContext http, AgencyStore store, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return Results.Ok(await store.ListAsync(caller.IsGlobal ? null : caller.Agencies, ct));
        }).RequirePeople(CloudPolicies.Read).WithSummary("List agencies").WithDescription("Every agency the caller may see.")
            .Produces<IReadOnlyList<Agency>>();

        agencies.MapGet("/{code}", async (string code, HttpContext http, AgencyStore store, CancellationToken ct) =>
            CallerScope.From(http.User).CanSee(code) && await store.FindAsync(code, ct) is { } agency
                ? Results.Ok(agency)
                : ProblemResults.NotFound($"no agency '{code}'")).RequirePeople(CloudPolicies.Read)
            .WithSummary("Get an agency").Produces<Agency>();

        agencies.MapPost("/", async (AgencyRequest request, AgencyStore store, CancellationToken ct) =>
        {
            var errors = RegistryRules.Agency(request, request.Code);
            if (errors.Any)
            {
                return errors.ToResult();
            }

            return await store.CreateAsync(request.Code!, request, ct)
                ? Results.Created($"/api/v1/agencies/{request.Code}", await store.FindAsync(request.Code!, ct))
                : ProblemResults.Conflict($"agency '{request.Code}' already exists");
        }).RequirePeople(CloudPolicies.Admin).Produces<Agency>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create an agency")
            .WithDescription("Admins only: the class, officer count and minimums decide the agency's ratio. Location names the new agency; 409 when the code exists.");

        agencies.MapPut("/{code}", async (string code, AgencyRequest request, HttpContext http, AgencyStore store, CancellationToken ct) =>
        {
            if (await store.FindAsync(code, ct) is null)
            {
                return ProblemResults.NotFound($"no agency '{code}'");
            }

            var errors = RegistryRules.Agency(request, code);
            if (request.Code is not null && request.Code != code)
            {
                errors.Add("code", "an agency's code cannot change; omit it or repeat the code in the path");
            }

            if (errors.Any)
            {
                return errors.ToResult();
            }

            await store.UpdateAsync(code, request, ct);
            return Results.Ok(await store.FindAsync(code, ct));
        }).RequirePeople(CloudPolicies.Admin).WithSummary("Update an agency")
            .WithDescription("Admins only; the code cannot change. Answers the agency as stored.").Produces<Agency>();
        return api;
    }
}
