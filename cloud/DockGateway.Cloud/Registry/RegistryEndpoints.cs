using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Registry;

/// <summary>Agencies, officers, recorders and docks under <c>/api/v1</c>.</summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder api) =>
        api.MapAgencies().MapOfficers().MapRecorders().MapDocks();
}
