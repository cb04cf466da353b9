using DockGateway.Device.Custody;
using DockGateway.Device.Slots;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Status;

public static class DockStatusServiceCollectionExtensions
{
    /// <summary>
    /// Dock status over MQTT: the broker connection (section <c>Mqtt</c>, with the offline will),
    /// the event outbox (<c>outbox.db</c> in <c>Dock:DataDirectory</c>) and its publisher, the coalesced
    /// retained status and slot topics, and an <see cref="ISlotIndicator"/> feeding them.
    /// With <c>Mqtt:Status:Enabled=false</c> nothing is registered.
    /// </summary>
    public static IServiceCollection AddDockStatus(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue(DockStatusOptions.Section + ":Enabled", true))
        {
            return services;
        }

        services.TryAddTimeProvider();
        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        services.AddOptions<DockStatusOptions>()
            .BindConfiguration(DockStatusOptions.DockSection)
            .BindConfiguration(DockStatusOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockStatusOptions>, DockStatusOptionsValidator>();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DockStatusOptions>>().Value);
        services.AddSingleton(sp => new DockTopics(sp.GetRequiredService<DockStatusOptions>()));
        services.AddSingleton<IMqttConnection>(sp =>
        {
            var status = sp.GetRequiredService<DockStatusOptions>();
            var mqtt = sp.GetRequiredService<IOptions<MqttOptions>>().Value;
            mqtt.Will ??= new MqttWill
            {
                Topic = sp.GetRequiredService<DockTopics>().Status,
                Payload = StatusJson.Offline(status.Agency, status.DockId),
                Qos = MqttQos.AtLeastOnce,
                Retain = true,
            };
            return new MqttConnection(mqtt, sp.GetRequiredService<ILogger<MqttConnection>>());
        });
        services.AddSingleton(sp =>
        {
            var status = sp.GetRequiredService<DockStatusOptions>();
            return new EventOutbox(status.OutboxPath, status.Agency, status.DockId, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IQueueLength>(sp => sp.GetRequiredService<EventOutbox>());
        services.AddSingleton<RetainedTopics>();
        services.AddSingleton<ISlotIndicator, MqttSlotIndicator>();
        services.AddSingleton<DockEventWriter>();
        services.AddSingleton<ICustodyObserver, CustodyEventForwarder>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<StatusPublisher>();

        services.AddHostedService(sp => new CustodyEventReplay(
            sp.GetService<CustodyLog>(), sp.GetRequiredService<EventOutbox>(), sp.GetRequiredService<ILogger<CustodyEventReplay>>()));
        services.AddHostedService<MqttConnectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<DockEventWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<StatusPublisher>());
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
