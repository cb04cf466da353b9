using System.Net;

namespace DockGateway.Device.Metrics;

/// <summary>The <c>Dock:Metrics</c> configuration section.</summary>
public sealed class DockMetricsOptions
{
    public const string Section = "Dock:Metrics";

    /// <summary>The suggested <see cref="Listen"/>: loopback only, Prometheus's usual exporter port.</summary>
    public const string DefaultListen = "127.0.0.1:9464";

    /// <summary><c>Dock:Metrics:Listen</c>: <c>address:port</c> of the Prometheus scrape endpoint (<c>/metrics</c>);
    /// empty = no endpoint, the default: the endpoint's SDK costs 13–17 MB of resident memory, which an unscraped
    /// dock should not pay against its 100 MB at-rest goal. Suggested: <see cref="DefaultListen"/>, reachable only
    /// from the dock itself.</summary>
    public string Listen { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);

    /// <summary><see cref="Listen"/> parsed; null when it is empty or not an address and port.</summary>
    public IPEndPoint? EndPoint => IPEndPoint.TryParse(Listen?.Trim() ?? string.Empty, out var endPoint) && endPoint.Port > 0 ? endPoint : null;
}
