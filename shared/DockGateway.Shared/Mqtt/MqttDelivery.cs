namespace DockGateway.Shared.Mqtt;

/// <summary>
/// A message accepted by <see cref="IMqttConnection.PublishAsync"/>. <see cref="Completion"/> finishes when the
/// broker acknowledged it (PUBACK for QoS 1, PUBCOMP for QoS 2; for QoS 0 when it was written to the socket);
/// it fails when the broker refuses it (an MQTT 5 reason code), when the connection is disposed first, or, for
/// QoS 0, when the connection drops before the write. QoS 1/2 messages survive a lost connection: they are resent.
/// </summary>
public sealed class MqttDelivery(long messageId, Task completion)
{
    /// <summary>This connection's number for the message, in order of acceptance (not the MQTT packet id, which changes on a resend).</summary>
    public long MessageId { get; } = messageId;

    public Task Completion { get; } = completion;
}
