using System.Text;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing.Mosquitto;

namespace DockGateway.Testing.Fleet;

/// <summary>
/// Publishes what a dock publishes, through the shared <see cref="MqttConnection"/>, with the dock's offline
/// will. The payloads are written out literally in the device's schema v1 (device/…/Status/StatusJson.cs),
/// so a change on either side shows up here.
/// </summary>
public sealed class SimulatedDock : IAsyncDisposable
{
    public const string Root = "dockgateway/v1";

    private SimulatedDock(MqttConnection connection, string agency, string dockId)
    {
        Connection = connection;
        Agency = agency;
        DockId = dockId;
    }

    public MqttConnection Connection { get; }

    public string Agency { get; }

    public string DockId { get; }

    public string Base => $"{Root}/{Agency}/{DockId}";

    public static string Now => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<SimulatedDock> ConnectAsync(MosquittoBroker broker, string agency, string dockId)
    {
        var connection = new MqttConnection(new MqttOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            Will = new MqttWill
            {
                Topic = $"{Root}/{agency}/{dockId}/status",
                Payload = Encoding.UTF8.GetBytes(OfflineJson(agency, dockId)),
                Qos = MqttQos.AtLeastOnce,
                Retain = true,
            },
        });
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return new SimulatedDock(connection, agency, dockId);
    }

    /// <summary>The will's payload, as <c>StatusJson.Offline(agency, dock)</c> writes it.</summary>
    public static string OfflineJson(string agency, string dockId) => $$"""{"v":1,"agency":"{{agency}}","dock":"{{dockId}}","online":false}""";

    public Task PublishStatusAsync(string version = "1.4.0", long freeDisk = 52_000_000_000, long outbox = 3) =>
        PublishAsync("status", $$"""
            {"v":1,"agency":"{{Agency}}","dock":"{{DockId}}","online":true,"version":"{{version}}","started_at":"{{Now}}","uptime_s":3600,"free_disk_bytes":{{freeDisk}},"queues":{"outbox":{{outbox}},"uploads":2},"time":"{{Now}}"}
            """, retain: true);

    public Task PublishSlotAsync(int slot, string state, string? recorder, int files, int done, int errors, string? message = null) =>
        PublishAsync($"slots/{slot}", $$"""
            {"v":1,"slot":{{slot}},"state":"{{state}}"{{(recorder is null ? "" : $",\"recorder\":\"{recorder}\"")}},"progress":{"files":{{files}},"done":{{done}},"errors":{{errors}}}{{(message is null ? "" : $",\"message\":\"{message}\"")}},"time":"{{Now}}"}
            """, retain: true);

    public Task PublishEventAsync(string kind, string key, int? slot = 1, string? recorder = "RB-100", string? message = null) =>
        PublishAsync("events", $$"""
            {"v":1,"key":"{{key}}","kind":"{{kind}}","time":"{{Now}}","agency":"{{Agency}}","dock":"{{DockId}}"{{(slot is null ? "" : $",\"slot\":{slot}")}},"recorder":"{{recorder}}","custody_index":7{{(message is null ? "" : $",\"message\":\"{message}\"")}}}
            """, retain: false);

    /// <summary>Publishes <paramref name="payload"/> on <c>&lt;base&gt;/&lt;suffix&gt;</c> and waits for the broker's PUBACK.</summary>
    public Task PublishAsync(string suffix, string payload, bool retain = false) => PublishAsync(suffix, Encoding.UTF8.GetBytes(payload.Trim()), retain);

    public async Task PublishAsync(string suffix, byte[] payload, bool retain = false)
    {
        var delivery = await Connection.PublishAsync($"{Base}/{suffix}", payload, MqttQos.AtLeastOnce, retain, CancellationToken.None);
        await delivery.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
