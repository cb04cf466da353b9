namespace DockGateway.Shared.Mqtt;

/// <summary>A message received from the broker, copied out of the client's buffers.</summary>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain)
{
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload.Span);
}
