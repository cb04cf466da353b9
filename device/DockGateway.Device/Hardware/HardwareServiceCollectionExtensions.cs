using DockGateway.Device.Hardware.Adapters;
using DockGateway.Device.Hardware.Display;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Device.Hardware.Usb;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware;

/// <summary>Registers the real dock's hardware (Dock:Hardware) in place of the simulation.</summary>
public static class HardwareServiceCollectionExtensions
{
    /// <summary>
    /// USB slot source, volume mounting, recorder adapters, when pins are configured the GPIO seat
    /// switches, LEDs and buzzer, and when Dock:Hardware:Display is present the character display.
    /// Does nothing when Dock:Hardware:Enabled is false or the section is absent (simulation).
    /// </summary>
    public static IServiceCollection AddDockHardware(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DockHardwareOptions.Section);
        if (!section.Exists() || !section.GetValue(nameof(DockHardwareOptions.Enabled), true))
        {
            return services;
        }

        services.AddOptions<DockHardwareOptions>().BindConfiguration(DockHardwareOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DockHardwareOptions>, DockHardwareOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IUsbTransportFactory, LibusbTransportFactory>();
        services.AddSingleton<IRecorderAdapter, MassStorageAdapter>();
        services.AddSingleton<IRecorderAdapter, AmbarellaAdapter>();
        services.AddSingleton<RecorderCatalog>();
        services.AddSingleton<RecorderRegistry>();
        services.AddSingleton<VolumeMounter>();
        services.AddSingleton<RescanSignal>();
        services.AddSingleton<SysfsUsbScanner>();
        services.AddSingleton<SlotAdmission>();
        services.AddSingleton<UsbSlotSource>();
        services.AddSingleton<ISlotSource>(sp => sp.GetRequiredService<UsbSlotSource>());

        var options = section.Get<DockHardwareOptions>() ?? new DockHardwareOptions();
        if (options.HasGpio)
        {
            services.AddSingleton(sp => DockGpio.Open(sp.GetRequiredService<IOptions<DockHardwareOptions>>().Value));
            services.AddSingleton<SlotLeds>();
            services.AddSingleton<ISlotIndicator>(sp => sp.GetRequiredService<SlotLeds>());
            services.AddHostedService(sp => sp.GetRequiredService<SlotLeds>());
            services.AddHostedService<SlotSwitchMonitor>();
        }

        if (options.Display is not null)
        {
            services.AddSingleton(sp => CharacterDisplay.Open(sp.GetRequiredService<IOptions<DockHardwareOptions>>().Value.Display!));
            services.AddSingleton<SlotDisplay>();
            services.AddSingleton<ISlotIndicator>(sp => sp.GetRequiredService<SlotDisplay>());
            services.AddHostedService(sp => sp.GetRequiredService<SlotDisplay>());
        }

        return services;
    }
}
