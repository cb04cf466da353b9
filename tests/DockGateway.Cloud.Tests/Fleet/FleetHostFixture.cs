using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>
/// A real mosquitto broker and the real cloud host subscribed to it (<c>Cloud:Mqtt:Host/Port</c>, short
/// reconnect delays). Starts nothing when the machine lacks what the variant needs (its tests are skipped).
/// </summary>
public abstract class FleetHostFixture(CloudStorageKind storage, params Needs[] needs) : IAsyncLifetime
{
    private CloudTestHost? _host;
    private MosquittoBroker? _broker;

    public CloudTestHost Host => _host ?? throw new InvalidOperationException("The fleet test host was not started.");

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("The test broker was not started.");

    public FleetCounters Counters => Host.Services.GetRequiredService<FleetCounters>();

    public async Task InitializeAsync()
    {
        if (Requirements.All(needs.Select(Requirements.Reason).ToArray()) is not null)
        {
            return;
        }

        _broker = await MosquittoBroker.StartAsync();
        _host = await CloudTestHost.StartAsync(storage, new Dictionary<string, string?>
        {
            ["Cloud:Mqtt:Host"] = _broker.Host,
            ["Cloud:Mqtt:Port"] = _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cloud:Mqtt:ReconnectDelayMin"] = "00:00:00.100",
            ["Cloud:Mqtt:ReconnectDelayMax"] = "00:00:01",
        });
        await WaitUntilSubscribedAsync();
    }

    /// <summary>
    /// Waits until the cloud's subscription is live: publishes a probe for a dock nobody enrolled until the
    /// cloud has counted one more unknown-dock message.
    /// </summary>
    public async Task WaitUntilSubscribedAsync()
    {
        await using var probe = new MqttConnection(new MqttOptions { Host = Broker.Host, Port = Broker.Port, ReconnectDelayMin = TimeSpan.FromMilliseconds(100) });
        probe.Start();
        await probe.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var before = Counters[FleetOutcome.UnknownDock];
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Counters[FleetOutcome.UnknownDock] == before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The cloud did not receive a probe within 15 s: its subscription is not live.");
            }

            await probe.PublishAsync($"{SimulatedDock.Root}/probe/probe/status", """{"v":1,"online":true}"""u8.ToArray(), MqttQos.AtMostOnce, false, CancellationToken.None);
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
