using DockGateway.Device.Hardware;
using DockGateway.Device.Metrics;
using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Mqtt;

namespace DockGateway.Device;

/// <summary>
/// The configuration sections the dock owns and the options bound to each: Dock, Dock:Hardware, Dock:Metrics, Mqtt, Mqtt:Status
/// and Sync. Any other key (Logging, DOTNET_*, unrelated environment variables) belongs to the host or to nobody.
/// </summary>
public static class DockConfigurationSchema
{
    public static IReadOnlyList<OptionsSection> Sections { get; } =
    [
        new(DockOptions.Section, typeof(DockOptions)),
        new(DockHardwareOptions.Section, typeof(DockHardwareOptions)),
        new(DockMetricsOptions.Section, typeof(DockMetricsOptions)),
        new(MqttOptions.SectionName, typeof(MqttOptions)),
        new(DockStatusOptions.Section, typeof(DockStatusOptions)),
        new(SyncOptions.Section, typeof(SyncOptions)),
    ];

    public static ConfigurationSchema Instance { get; } = new(Sections);
}
