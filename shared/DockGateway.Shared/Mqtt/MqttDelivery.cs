namespace DockGateway.Shared.Mqtt;

/// <summary>
/// A message handed to libmosquitto. <see cref="Completion"/> finishes when the broker acknowledged it
/// (PUBACK for QoS 1, PUBCOMP for QoS 2) or, for QoS 0, when it was written to the socket; it fails when
/// the connection is disposed first (or, for QoS 0, when the connection drops before the write).
/// </summary>
public sealed class MqttDelivery(int messageId, Task completion)
{
    /// <summary>libmosquitto's message id (<c>mid</c>).</summary>
    public int MessageId { get; } = messageId;

    public Task Completion { get; } = completion;
}
