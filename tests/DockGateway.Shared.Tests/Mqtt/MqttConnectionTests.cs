using System.Text;
using DockGateway.Shared.Mqtt;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Shared.Tests.Mqtt;

public sealed class MqttConnectionTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    internal static MqttOptions OptionsFor(MosquittoBroker broker, string? clientId = null) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = clientId,
        KeepAliveSeconds = 5,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
    };

    internal static async Task<MqttConnection> ConnectAsync(MosquittoBroker broker)
    {
        var connection = new MqttConnection(OptionsFor(broker));
        connection.Start();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(s_timeout);
        return connection;
    }

    internal static async Task<MqttMessage> NextAsync(MqttConnection connection, Func<MqttMessage, bool>? match = null)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        while (true)
        {
            var message = await connection.Messages.ReadAsync(cts.Token);
            await message.AcknowledgeAsync(cts.Token); // as a reader must: the broker holds back more than its receive maximum unacknowledged
            if (match is null || match(message))
            {
                return message;
            }
        }
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Published_message_reaches_a_subscriber_with_topic_payload_and_qos()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await ConnectAsync(broker);
        await using var publisher = await ConnectAsync(broker);
        await subscriber.SubscribeAsync("t/+/x", MqttQos.AtLeastOnce, CancellationToken.None);

        var payload = new byte[] { 0, 1, 2, 255, (byte)'{' };
        var delivery = await publisher.PublishAsync("t/a/x", payload, MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
        await delivery.Completion.WaitAsync(s_timeout);

        var received = await NextAsync(subscriber);
        Assert.Equal("t/a/x", received.Topic);
        Assert.Equal(payload, received.Payload.ToArray());
        Assert.Equal(MqttQos.AtLeastOnce, received.Qos);
        Assert.False(received.Retain);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Retained_message_is_delivered_to_a_later_subscriber_flagged_retained()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var publisher = await ConnectAsync(broker))
        {
            var delivery = await publisher.PublishAsync("dock/status", "{\"online\":true}"u8.ToArray(), MqttQos.AtLeastOnce, retain: true, CancellationToken.None);
            await delivery.Completion.WaitAsync(s_timeout);
        }

        await using var late = await ConnectAsync(broker);
        await late.SubscribeAsync("dock/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var received = await NextAsync(late);
        Assert.True(received.Retain);
        Assert.Equal("{\"online\":true}", received.PayloadText);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task First_connection_is_retried_until_the_broker_starts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();

        await using var connection = new MqttConnection(OptionsFor(broker));
        connection.Start();
        await Task.Delay(800);
        Assert.False(connection.IsConnected);

        await broker.StartAgainAsync();
        await connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(s_timeout);
        Assert.True(connection.IsConnected);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task After_a_broker_kill_and_restart_the_client_reconnects_resubscribes_and_delivers_what_was_queued()
    {
        // One connection both subscribes and publishes: after CONNACK the connect loop waits for the SUBACK
        // of the restored subscription before it resends the queued PUBLISHes, so with a clean session
        // every message comes back only if the subscription was restored.
        await using var broker = await MosquittoBroker.StartAsync();
        await using var connection = await ConnectAsync(broker);
        await connection.SubscribeAsync("outage/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var states = new List<MqttConnectionState>();
        connection.StateChanged += (_, s) => { lock (states) { states.Add(s); } };

        await broker.KillAsync();
        await WaitUntilAsync(() => !connection.IsConnected);

        var deliveries = new List<MqttDelivery>();
        for (var i = 0; i < 50; i++)
        {
            deliveries.Add(await connection.PublishAsync($"outage/{i}", Encoding.UTF8.GetBytes($"m{i}"), MqttQos.AtLeastOnce, retain: false, CancellationToken.None));
        }

        await Task.Delay(500);
        Assert.All(deliveries, d => Assert.False(d.Completion.IsCompleted));

        await broker.StartAgainAsync();
        await Task.WhenAll(deliveries.Select(d => d.Completion)).WaitAsync(s_timeout);
        var seen = new HashSet<string>();
        while (seen.Count < 50)
        {
            seen.Add((await NextAsync(connection)).PayloadText);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}").ToHashSet(), seen);
        await WaitUntilAsync(() => { lock (states) { return states.Count >= 2; } });
        lock (states)
        {
            Assert.Contains(MqttConnectionState.Disconnected, states);
            Assert.Equal(MqttConnectionState.Connected, states[^1]);
        }
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_separate_subscriber_is_resubscribed_after_the_broker_restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await ConnectAsync(broker);
        await subscriber.SubscribeAsync("again/#", MqttQos.AtLeastOnce, CancellationToken.None);
        await broker.StopAsync();
        await WaitUntilAsync(() => !subscriber.IsConnected);
        await broker.StartAgainAsync();
        await subscriber.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(s_timeout);

        await using var publisher = await ConnectAsync(broker);
        // Connected is reported only after the restored subscription's SUBACK: no delay needed.
        var delivery = await publisher.PublishAsync("again/1", "back"u8.ToArray(), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
        await delivery.Completion.WaitAsync(s_timeout);
        Assert.Equal("back", (await NextAsync(subscriber)).PayloadText);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task QoS0_publish_while_disconnected_fails_with_a_clear_error()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        await using var connection = new MqttConnection(OptionsFor(broker));
        connection.Start();
        var error = await Assert.ThrowsAsync<MqttException>(async () =>
            await connection.PublishAsync("a/b", "x"u8.ToArray(), MqttQos.AtMostOnce, retain: false, CancellationToken.None));
        Assert.Contains("a/b", error.Message, StringComparison.Ordinal);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Publishers_wait_when_the_queue_bound_is_reached_and_continue_after_acknowledgement()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        var options = OptionsFor(broker);
        options.MaxQueuedMessages = 3;
        await using var connection = new MqttConnection(options);
        connection.Start();
        for (var i = 0; i < 3; i++)
        {
            await connection.PublishAsync("q/" + i, "x"u8.ToArray(), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
        }

        var fourth = connection.PublishAsync("q/3", "x"u8.ToArray(), MqttQos.AtLeastOnce, retain: false, CancellationToken.None).AsTask();
        await Task.Delay(300);
        Assert.False(fourth.IsCompleted);

        await broker.StartAgainAsync();
        var delivery = await fourth.WaitAsync(s_timeout);
        await delivery.Completion.WaitAsync(s_timeout);
        await WaitUntilAsync(() => connection.PendingDeliveries == 0); // acknowledgements complete in any order
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Disposing_fails_unacknowledged_deliveries_and_completes_the_message_channel()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        var connection = new MqttConnection(OptionsFor(broker));
        connection.Start();
        var delivery = await connection.PublishAsync("d/x", "x"u8.ToArray(), MqttQos.AtLeastOnce, retain: false, CancellationToken.None);
        await connection.DisposeAsync();
        await Assert.ThrowsAsync<MqttException>(() => delivery.Completion);
        Assert.True(connection.Messages.Completion.IsCompleted);
        Assert.Equal(MqttConnectionState.Closed, connection.State);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Invalid_topics_and_filters_are_refused_before_reaching_the_library()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var connection = await ConnectAsync(broker);
        await Assert.ThrowsAsync<ArgumentException>(async () => await connection.PublishAsync("a/+/b", "x"u8.ToArray(), MqttQos.AtLeastOnce, false, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => connection.SubscribeAsync("a/#/b", MqttQos.AtLeastOnce, CancellationToken.None));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(20);
        }
    }
}
