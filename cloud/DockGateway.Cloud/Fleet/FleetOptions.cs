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

    /// <summary>
    /// <c>Cloud:Fleet:ShareGroup</c>: the MQTT 5 shared subscription group for the docks' <c>events</c>
    /// (<c>$share/&lt;group&gt;/…/events</c>): cloud instances in one group split the events, the broker
    /// handing each to one of them. Default <c>dockgateway-cloud</c>; empty = every instance gets every event.
    /// Status and slot topics are never shared: retained messages are not sent to shared subscriptions
    /// (MQTT 5 §4.8.2), and each instance needs them after a (re)connect.
    /// </summary>
    public string ShareGroup { get; set; } = "dockgateway-cloud";

    /// <summary><c>Cloud:Fleet:MaxPayloadBytes</c>: larger payloads are logged and ignored; default 16 KiB.</summary>
    public int MaxPayloadBytes { get; set; } = 16 * 1024;

    /// <summary>True when <c>Cloud:Mqtt:Host</c> is set: the cloud subscribes to the docks' topics.</summary>
    public static bool SubscribesIn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[MqttSectionName + ":Host"]);
}
