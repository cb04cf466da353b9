using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Dashboard;

/// <summary>
/// <c>GET /dashboard</c> (and anything under it): the old English status page is replaced by the web console;
/// it redirects to <c>/console</c>. The old page took a token from the URL fragment; the console never does.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", () => Results.Redirect("/console", permanent: true)).ExcludeFromDescription();
        app.MapGet("/dashboard/{**rest}", () => Results.Redirect("/console", permanent: true)).ExcludeFromDescription();
        return app;
    }
}
