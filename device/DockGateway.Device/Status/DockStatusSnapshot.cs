using System.Text.Json.Serialization;

namespace DockGateway.Device.Status;

/// <summary>The retained <c>status</c> payload (schema v1) while the dock is running.</summary>
public sealed record DockStatusSnapshot(
    [property: JsonPropertyName("v")] int V,
    string Agency,
    string Dock,
    bool Online,
    string Version,
    string StartedAt,
    long UptimeS,
    long? FreeDiskBytes,
    IReadOnlyDictionary<string, long> Queues,
    string Time);
