using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

/// <summary>
/// SubscribeAsync racing the first connect: called right after Start(), while the connect loop is
/// connecting and restoring subscriptions. The broker's own log (log_type all) says which SUBSCRIBE
/// packets it received; every filter must be in exactly one of them, on every start.
/// </summary>
public sealed class MqttSubscribeRaceTests
{
    private static readonly string[] s_filters = ["race/a/#", "race/+/b", "$share/race-group/race/c/+"];

    [RequiresFact(Needs.Mosquitto)]
    public async Task Filters_subscribed_while_the_connection_comes_up_reach_the_broker_once_each_on_every_start()
    {
        await using var broker = await MosquittoBroker.StartAsync(logPackets: true);
        const int Starts = 40;
        for (var i = 0; i < Starts; i++)
        {
            var options = MqttConnectionTests.OptionsFor(broker, $"race-{i}");
            await using var connection = new MqttConnection(options);
            connection.Start();
            // Spread the calls over the connect: one at once, one after a yield, one after a short delay.
            var first = connection.SubscribeAsync(s_filters[0], MqttQos.AtLeastOnce, CancellationToken.None);
            await Task.Yield();
            var second = connection.SubscribeAsync(s_filters[1], MqttQos.AtLeastOnce, CancellationToken.None);
            await Task.Delay(i % 5);
            var third = connection.SubscribeAsync(s_filters[2], MqttQos.AtLeastOnce, CancellationToken.None);
            await Task.WhenAll(first, second, third).WaitAsync(TimeSpan.FromSeconds(15));
            await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Null(await MosquittoLog.ProblemWithSubscribesAsync(broker, $"race-{i}", s_filters, TimeSpan.FromSeconds(10)));
        }
    }
}
