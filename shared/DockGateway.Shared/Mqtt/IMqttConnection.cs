using System.Threading.Channels;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// One client connection to an MQTT broker that keeps itself connected: it retries the first
/// connection and every lost one with backoff, resends its subscriptions after each connect, and
/// holds QoS 1/2 messages (bounded by <see cref="MqttOptions.MaxQueuedMessages"/>) until the broker
/// acknowledges them. Used by the dock (status, events) and the cloud (fleet view).
/// </summary>
public interface IMqttConnection : IAsyncDisposable
{
    MqttConnectionState State { get; }

    bool IsConnected { get; }

    /// <summary>Received messages for every subscription, in arrival order.</summary>
    ChannelReader<MqttMessage> Messages { get; }

    /// <summary>Raised on a thread-pool thread (never the client's network loop) after each state change.</summary>
    event EventHandler<MqttConnectionState>? StateChanged;

    /// <summary>Starts connecting in the background; returns at once (the broker may still be down).</summary>
    void Start();

    /// <summary>Completes when the connection is (or becomes) <see cref="MqttConnectionState.Connected"/>.</summary>
    Task WaitUntilConnectedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues a message for sending and returns at once (without waiting for the broker). Waits first while
    /// <see cref="MqttOptions.MaxQueuedMessages"/> messages are unacknowledged. QoS 1/2 messages are
    /// queued even while disconnected and resent after a reconnect until acknowledged; a QoS 0 message
    /// while disconnected throws <see cref="MqttException"/>.
    /// </summary>
    ValueTask<MqttDelivery> PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a subscription kept across reconnects (a <c>$share/&lt;group&gt;/…</c> filter makes it an MQTT 5
    /// shared subscription). When connected, completes on the broker's SUBACK and throws
    /// <see cref="MqttException"/> when the broker refuses the filter; otherwise completes at once (it is
    /// sent on the next connect, even when that connect is already under way).
    /// </summary>
    Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken);
}
