using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Fleet;

/// <summary>Registers the fleet view: its options (<c>Cloud:Fleet</c>, <c>Cloud:Mqtt</c>), store, queries and the MQTT subscriber.</summary>
public static class FleetServiceCollectionExtensions
{
    /// <summary>Call after the storage registrations: the subscriber starts once migrations have run.</summary>
    public static IServiceCollection AddFleet(this IServiceCollection services)
    {
        services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FleetOptions>, FleetOptionsValidator>();
        services.AddOptions<MqttOptions>(FleetOptions.MqttSectionName).BindConfiguration(FleetOptions.MqttSectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, FleetMqttOptionsValidator>();

        services.AddSingleton<FleetCounters>();
        services.AddSingleton<FleetStore>();
        services.AddSingleton<FleetQueries>();
        services.AddSingleton<AlertQuery>();
        services.AddSingleton<FleetMessageHandler>();
        services.AddSingleton<FleetSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<FleetSubscriber>());
        return services;
    }
}
