using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary>Read-only dock listing: <c>/api/v1/docks</c>, <c>/api/v1/docks/{id}</c>, <c>/api/v1/agencies/{code}/docks</c>.</summary>
public static class DockEndpoints
{
    public static RouteGroupBuilder MapDocks(this RouteGroupBuilder api)
    {
        api.MapGet("/docks", async (HttpContext http, DockStore store, CancellationToken ct) =>
        {
            var caller = CallerScope.From(http.User);
            return Results.Ok(await store.ListAsync(caller.IsGlobal ? null : caller.Agencies, ct));
        }).RequirePeople(CloudPolicies.Read).WithTags("Registry").WithSummary("List docks")
            .WithDescription("Every enrolled dock the caller may see.").Produces<IReadOnlyList<Dock>>();

        api.MapGet("/docks/{id}", async (string id, HttpContext http, DockStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } dock && CallerScope.From(http.User).CanSee(dock.AgencyCode)
                ? Results.Ok(dock)
                : ProblemResults.NotFound($"no dock '{id}'")).RequirePeople(CloudPolicies.Read).WithTags("Registry")
            .WithSummary("Get a dock").Produces<Dock>();

        api.MapGet("/agencies/{code}/docks", async (string code, HttpContext http, AgencyStore agencies, DockStore store, CancellationToken ct) =>
            await OfficerEndpoints.Visible(code, http, agencies, ct) ? Results.Ok(await store.ListAsync([code], ct)) : OfficerEndpoints.NoAgency(code))
            .RequirePeople(CloudPolicies.Read).WithTags("Registry").WithSummary("List an agency's docks").Produces<IReadOnlyList<Dock>>();
        return api;
    }
}
