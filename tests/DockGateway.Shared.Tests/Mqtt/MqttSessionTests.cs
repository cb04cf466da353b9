using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

/// <summary><see cref="MqttOptions.CleanSession"/> and <see cref="MqttOptions.SessionExpiry"/> against the real broker: what happens to QoS 1 messages sent while a subscriber is away.</summary>
public sealed class MqttSessionTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_persistent_session_gets_the_QoS1_messages_published_while_it_was_away_without_subscribing_again()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await SubscribeThenLeaveAsync(broker, cleanSession: false);
        await PublishWhileAwayAsync(broker, count: 3);

        // No SubscribeAsync this time: the broker kept the subscription and queued the messages.
        await using var back = await ConnectAsync(broker, cleanSession: false);
        var seen = new HashSet<string>();
        while (seen.Count < 3)
        {
            seen.Add((await MqttConnectionTests.NextAsync(back)).PayloadText);
        }

        Assert.Equal(["away 0", "away 1", "away 2"], seen.Order());
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_persistent_session_that_subscribes_again_gets_each_queued_message_once()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await SubscribeThenLeaveAsync(broker, cleanSession: false);
        await PublishWhileAwayAsync(broker, count: 20);

        await using var back = await ConnectAsync(broker, cleanSession: false);
        await back.SubscribeAsync("away/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var received = new List<string>();
        while (received.Count < 20)
        {
            received.Add((await MqttConnectionTests.NextAsync(back)).PayloadText);
        }

        await Task.Delay(500);
        while (back.Messages.TryRead(out var extra))
        {
            received.Add(extra.PayloadText);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"away {i}").Order(), received.Order());
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_persistent_session_past_its_expiry_interval_is_gone_with_its_messages()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await SubscribeThenLeaveAsync(broker, cleanSession: false, TimeSpan.FromSeconds(1));
        await Task.Delay(3000); // the broker drops the session 1 s after the client left
        await PublishWhileAwayAsync(broker, count: 3);

        await using var back = await ConnectAsync(broker, cleanSession: false, TimeSpan.FromSeconds(1));
        await Task.Delay(1000);
        Assert.False(back.Messages.TryRead(out var unexpected), $"an expired session received '{unexpected?.PayloadText}'");
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_clean_session_loses_the_messages_published_while_it_was_away()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await SubscribeThenLeaveAsync(broker, cleanSession: true);
        await PublishWhileAwayAsync(broker, count: 3);

        await using var back = await ConnectAsync(broker, cleanSession: true);
        await back.SubscribeAsync("away/#", MqttQos.AtLeastOnce, CancellationToken.None);
        await Task.Delay(1000);
        Assert.False(back.Messages.TryRead(out var unexpected), $"a clean session received '{unexpected?.PayloadText}'");
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_message_read_but_not_acknowledged_before_the_reader_goes_comes_again_to_its_persistent_session()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await SubscribeThenLeaveAsync(broker, cleanSession: false);
        await using (var reader = await ConnectAsync(broker, cleanSession: false))
        {
            await PublishWhileAwayAsync(broker, count: 1);
            var unhandled = await reader.Messages.ReadAsync(new CancellationTokenSource(s_timeout).Token);
            Assert.Equal("away 0", unhandled.PayloadText); // read, never acknowledged: as a process killed before it stored it
        }

        await using var back = await ConnectAsync(broker, cleanSession: false);
        var again = await MqttConnectionTests.NextAsync(back);

        Assert.Equal("away 0", again.PayloadText);
    }

    private static async Task<MqttConnection> ConnectAsync(MosquittoBroker broker, bool cleanSession, TimeSpan? sessionExpiry = null)
    {
        var options = MqttConnectionTests.OptionsFor(broker, "session-test-subscriber");
        options.CleanSession = cleanSession;
        options.SessionExpiry = sessionExpiry ?? options.SessionExpiry;
        var connection = new MqttConnection(options);
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(s_timeout);
        return connection;
    }

    private static async Task SubscribeThenLeaveAsync(MosquittoBroker broker, bool cleanSession, TimeSpan? sessionExpiry = null)
    {
        await using var first = await ConnectAsync(broker, cleanSession, sessionExpiry);
        await first.SubscribeAsync("away/#", MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(s_timeout);
    }

    private static async Task PublishWhileAwayAsync(MosquittoBroker broker, int count)
    {
        await using var publisher = await MqttConnectionTests.ConnectAsync(broker);
        for (var i = 0; i < count; i++)
        {
            var delivery = await publisher.PublishAsync($"away/{i}", System.Text.Encoding.UTF8.GetBytes($"away {i}"), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
            await delivery.Completion.WaitAsync(s_timeout);
        }
    }
}
