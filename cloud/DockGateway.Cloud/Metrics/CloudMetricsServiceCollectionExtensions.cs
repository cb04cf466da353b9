using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace DockGateway.Cloud.Metrics;

/// <summary>
/// Metrics through OpenTelemetry: HTTP requests (ASP.NET Core), outgoing HTTP, the runtime, and the
/// <c>DockGateway.Cloud</c> meter; exported for Prometheus at <c>/metrics</c> (<see cref="CloudMetricsEndpoints"/>).
/// </summary>
public static class CloudMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddCloudMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<CloudMetrics>();
        services.AddSingleton<DocksOnlineGauge>();
        services.AddHostedService<DocksOnlineGaugeStarter>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(CloudMetrics.MeterName)
            .AddPrometheusExporter());

        // Requests are counted above; ASP.NET Core's line per request ("Request starting", "Executing endpoint", …)
        // is at information, so it is shown from warning up unless Logging:LogLevel names these categories.
        services.AddLogging(logging =>
        {
            logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        });
        return services;
    }

    /// <summary>Creates the docks-online gauge at start, so the first scrape already has it.</summary>
    private sealed class DocksOnlineGaugeStarter(DocksOnlineGauge gauge) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(gauge);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
