using DockGateway.Device.Custody;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Metrics;

/// <summary>
/// Metrics through OpenTelemetry: the <c>DockGateway.Dock</c> meter (<see cref="DockMetrics"/>, <see cref="DockGauges"/>),
/// outgoing HTTP (uploads, witnessing) and the runtime, served for Prometheus by <see cref="DockMetricsEndpoint"/> at
/// <c>http://{Dock:Metrics:Listen}/metrics</c> (off by default; 127.0.0.1:9464 suggested).
/// </summary>
public static class DockMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddDockMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockMetricsOptions>().BindConfiguration(DockMetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockMetricsOptions>, DockMetricsOptionsValidator>();
        var options = configuration.GetSection(DockMetricsOptions.Section).Get<DockMetricsOptions>() ?? new DockMetricsOptions();
        if (options.EndPoint is null)
        {
            return services; // off, or a bad value the validator reports at start
        }

        services.AddMetrics();
        services.AddSingleton<DockMetrics>();
        services.AddSingleton<ICustodyObserver, DockMetricsObserver>();
        services.AddHostedService<DockGauges>();
        services.AddHostedService<DockMetricsEndpoint>();
        return services;
    }
}
