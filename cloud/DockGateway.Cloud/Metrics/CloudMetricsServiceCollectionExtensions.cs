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
    private static readonly string[] s_perRequestCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.EndpointMiddleware",
        "Microsoft.AspNetCore.Http.Result",
    ];

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

        // Requests are counted above; ASP.NET Core's lines per request ("Request starting", "Executing endpoint", …)
        // are at information, so these categories are shown from warning up. Inserted first, so a
        // Logging:LogLevel key naming one of them (e.g. "Microsoft.AspNetCore.Hosting.Diagnostics": "Information") still wins.
        services.PostConfigure<LoggerFilterOptions>(filters =>
        {
            foreach (var category in s_perRequestCategories)
            {
                filters.Rules.Insert(0, new LoggerFilterRule(null, category, LogLevel.Warning, null));
            }
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
