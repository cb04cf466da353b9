namespace DockGateway.Cloud.Fleet;

/// <summary>A dock's MQTT payload the cloud will not take; <see cref="Field"/> names the offending key.</summary>
public sealed class FleetPayloadException : FormatException
{
    public FleetPayloadException()
    {
    }

    public FleetPayloadException(string message)
        : base(message)
    {
    }

    public FleetPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FleetPayloadException(string field, string message)
        : base($"\"{field}\" {message}")
    {
        Field = field;
    }

    public string? Field { get; }
}
