namespace DockGateway.Shared.Mqtt;

/// <summary>
/// A message received from the broker, copied out of the client's buffers. A QoS 1/2 message is acknowledged to the
/// broker only by <see cref="AcknowledgeAsync"/>, which the reader calls once it has handled (stored) it: a process
/// killed before that leaves the message with the broker, which delivers it again to a persistent session.
/// </summary>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain)
{
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload.Span);

    /// <summary>Sends the PUBACK/PUBREC; null for a message nobody needs to acknowledge.</summary>
    public Func<CancellationToken, Task>? Acknowledgement { get; init; }

    public Task AcknowledgeAsync(CancellationToken cancellationToken) => Acknowledgement?.Invoke(cancellationToken) ?? Task.CompletedTask;
}
