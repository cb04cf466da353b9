using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Ratios;

/// <summary><c>GET /api/v1/ratios</c> and <c>GET /api/v1/agencies/{code}/ratio</c>.</summary>
public static class RatioEndpoints
{
    public static RouteGroupBuilder MapRatios(this RouteGroupBuilder api) => api;
}
