using Microsoft.Extensions.Configuration;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The <c>Cloud:Fleet</c> section. The broker itself is configured in <c>Cloud:Mqtt</c> (the keys of
/// <see cref="DockGateway.Shared.Mqtt.MqttOptions"/>); without <c>Cloud:Mqtt:Host</c> the cloud does not
/// subscribe and the fleet API serves what is stored.
/// </summary>
public sealed class FleetOptions
{
    public const string SectionName = "Cloud:Fleet";

    public const string MqttSectionName = "Cloud:Mqtt";

    /// <summary><c>Cloud:Fleet:TopicRoot</c>: the docks' topic prefix; default <c>dockgateway/v1</c>.</summary>
    public string TopicRoot { get; set; } = "dockgateway/v1";

    /// <summary><c>Cloud:Fleet:MaxPayloadBytes</c>: larger payloads are logged and ignored; default 16 KiB.</summary>
    public int MaxPayloadBytes { get; set; } = 16 * 1024;

    /// <summary>True when <c>Cloud:Mqtt:Host</c> is set: the cloud subscribes to the docks' topics.</summary>
    public static bool SubscribesIn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[MqttSectionName + ":Host"]);
}
