using System.Net.Sockets;
using DockGateway.Device.Custody;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace DockGateway.Device.Metrics;

/// <summary>
/// Metrics through OpenTelemetry: the <c>DockGateway.Dock</c> meter, outgoing HTTP (uploads, witnessing) and the runtime,
/// served for Prometheus at <c>http://{Dock:Metrics:Listen}/metrics</c> (127.0.0.1:9464 by default; empty = off).
/// </summary>
public static class DockMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddDockMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DockMetricsOptions>().BindConfiguration(DockMetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockMetricsOptions>, DockMetricsOptionsValidator>();
        var options = configuration.GetSection(DockMetricsOptions.Section).Get<DockMetricsOptions>() ?? new DockMetricsOptions();
        if (options.EndPoint is not { } endPoint)
        {
            return services; // off, or a bad value the validator reports at start
        }

        services.AddMetrics();
        services.AddSingleton<DockMetrics>();
        services.AddSingleton<ICustodyObserver, DockMetricsObserver>();
        services.AddHostedService<DockGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DockMetrics.MeterName)
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusHttpListener(listener =>
            {
                listener.Host = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
                listener.Port = endPoint.Port;
            }));
        return services;
    }
}
