namespace DockGateway.Shared.Mqtt;

/// <summary>An MQTT operation failed; <see cref="ErrorCode"/> is the broker's MQTT 5 reason code when there is one.</summary>
public sealed class MqttException : Exception
{
    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttException(string message, int errorCode)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public int? ErrorCode { get; }
}
