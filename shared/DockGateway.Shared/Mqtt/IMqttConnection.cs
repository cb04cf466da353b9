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

    /// <summary>Raised on a thread-pool thread (never libmosquitto's) after each state change.</summary>
    event EventHandler<MqttConnectionState>? StateChanged;

    /// <summary>Starts connecting in the background; returns at once (the broker may still be down).</summary>
    void Start();

    /// <summary>Completes when the connection is (or becomes) <see cref="MqttConnectionState.Connected"/>.</summary>
    Task WaitUntilConnectedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hands a message to libmosquitto and returns once it is queued there. Waits first while
    /// <see cref="MqttOptions.MaxQueuedMessages"/> messages are unacknowledged. QoS 1/2 messages are
    /// queued even while disconnected; a QoS 0 message while disconnected throws <see cref="MqttException"/>.
    /// </summary>
    ValueTask<MqttDelivery> PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a subscription kept across reconnects. When connected, completes on the broker's SUBACK;
    /// otherwise at once (it is sent on the next connect).
    /// </summary>
    Task SubscribeAsync(string filter, MqttQos qos, CancellationToken cancellationToken);
}
