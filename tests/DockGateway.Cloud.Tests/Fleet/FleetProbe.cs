using System.Globalization;
using DockGateway.Cloud.Fleet;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing.Mosquitto;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Connects a cloud test host to a test broker and proves its subscription is live.</summary>
public static class FleetProbe
{
    /// <summary>The host settings for <paramref name="broker"/> with short reconnect delays, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> Settings(MosquittoBroker broker, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cloud:Mqtt:Host"] = broker.Host,
            ["Cloud:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Cloud:Mqtt:ReconnectDelayMin"] = "00:00:00.100",
            ["Cloud:Mqtt:ReconnectDelayMax"] = "00:00:01",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Publishes a probe for a dock nobody enrolled until the cloud has counted one more unknown-dock
    /// message: from then on its subscription is live.
    /// </summary>
    public static async Task WaitUntilSubscribedAsync(MosquittoBroker broker, FleetCounters counters)
    {
        await using var probe = new MqttConnection(new MqttOptions { Host = broker.Host, Port = broker.Port, ReconnectDelayMin = TimeSpan.FromMilliseconds(100) });
        probe.Start();
        await probe.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var before = counters[FleetOutcome.UnknownDock];
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (counters[FleetOutcome.UnknownDock] == before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The cloud did not receive a probe within 15 s: its subscription is not live.");
            }

            await probe.PublishAsync($"{SimulatedDock.Root}/probe/probe/status", """{"v":1,"online":true}"""u8.ToArray(), MqttQos.AtMostOnce, false, CancellationToken.None);
            await Task.Delay(100);
        }
    }
}
