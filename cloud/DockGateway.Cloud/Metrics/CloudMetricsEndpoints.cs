using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DockGateway.Cloud.Metrics;

/// <summary>The Prometheus scrape endpoint, <c>GET /metrics</c>, in the text exposition format.</summary>
public static class CloudMetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapCloudMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path).ExcludeFromDescription();
        return app;
    }
}
