using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DockGateway.Device.Metrics;

/// <summary>
/// The Prometheus scrape endpoint at <c>http://{Dock:Metrics:Listen}/metrics</c> (OpenTelemetry's HttpListener exporter)
/// for the <c>DockGateway.Dock</c> meter, outgoing HTTP and the runtime. Metrics never stop custody: an address that
/// cannot be bound (the port taken) is logged as an error and the dock runs on without the endpoint.
/// </summary>
public sealed class DockMetricsEndpoint(IOptions<DockMetricsOptions> options, ILogger<DockMetricsEndpoint> logger) : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EndPoint is not { } endPoint)
        {
            return Task.CompletedTask;
        }

        try
        {
            _provider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(DockMetrics.MeterName)
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Host = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
                    listener.Port = endPoint.Port;
                })
                .Build();
            logger.LogInformation("Metrics for Prometheus at http://{Listen}/metrics", endPoint);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpListenerException or SocketException)
        {
            logger.LogError("Dock:Metrics:Listen {Listen} could not be bound ({Reason}); the dock runs without its metrics endpoint",
                endPoint, e.InnerException?.Message ?? e.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
    }
}
