using DockGateway.Cloud.Enrolment;
using DockGateway.Cloud.Uploads;
using DockGateway.Cloud.Witness;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Maps the dock-facing endpoints under the <c>/api/v1</c> group.</summary>
public static class DockFacingEndpointExtensions
{
    public static IEndpointRouteBuilder MapDockFacingEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapEnrolment();
        api.MapUploads();
        api.MapWitness();
        return api;
    }
}
