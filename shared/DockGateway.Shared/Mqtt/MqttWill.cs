namespace DockGateway.Shared.Mqtt;

/// <summary>The message the broker publishes for this client when its connection dies without a DISCONNECT.</summary>
public sealed class MqttWill
{
    public string Topic { get; set; } = string.Empty;

    /// <summary>The will's payload; bound from configuration as base64.</summary>
    public byte[] Payload { get; set; } = [];

    public MqttQos Qos { get; set; } = MqttQos.AtLeastOnce;

    public bool Retain { get; set; }
}
