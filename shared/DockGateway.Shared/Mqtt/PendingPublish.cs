using MQTTnet;

namespace DockGateway.Shared.Mqtt;

/// <summary>
/// One message accepted by <see cref="MqttConnection.PublishAsync"/> and not yet settled: acknowledged by
/// the broker, refused by it, or failed (QoS 0 on a lost connection, or the connection disposed).
/// It settles once; later acknowledgements of a resent copy change nothing.
/// </summary>
internal sealed class PendingPublish(long sequence, MqttApplicationMessage message, MqttQos qos, Action onSettled)
{
    // Continuations run where it settles: on a thread-pool thread (MQTTnet's PUBACK continuation, or the
    // connect loop and DisposeAsync), never under the send lock; that saves a thread hop per message.
    private readonly TaskCompletionSource _completion = new();
    private int _settled;

    /// <summary>Order of acceptance; resends after a reconnect go out in this order.</summary>
    public long Sequence { get; } = sequence;

    public MqttApplicationMessage Message { get; } = message;

    public MqttQos Qos { get; } = qos;

    /// <summary>The connection (session number) on which it was last handed to the client; 0 = never sent.</summary>
    public int Session { get; set; }

    public Task Completion => _completion.Task;

    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    public void Succeed()
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            onSettled();
            _completion.TrySetResult();
        }
    }

    public void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            onSettled();
            _completion.TrySetException(error);
        }
    }
}
