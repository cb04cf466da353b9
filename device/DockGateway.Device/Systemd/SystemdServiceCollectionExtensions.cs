using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace DockGateway.Device.Systemd;

/// <summary>systemd integration through Microsoft.Extensions.Hosting.Systemd, plus the watchdog.</summary>
public static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// When the process runs as a systemd service: the package's <c>AddSystemd()</c> (SystemdLifetime sends
    /// READY=1 once the host has started and STOPPING=1 when it stops; the console logger uses journald's
    /// format) and <see cref="SystemdWatchdogService"/> (WATCHDOG=1 at half of WatchdogSec). Otherwise nothing.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        services.AddSystemd();
        if (SystemdHelpers.IsSystemdService())
        {
            services.AddSystemdWatchdog();
        }

        return services;
    }

    /// <summary>The watchdog alone; it needs an <see cref="ISystemdNotifier"/> (AddSystemd registers one under systemd).</summary>
    internal static IServiceCollection AddSystemdWatchdog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SystemdWatchdogService>();
        return services;
    }
}
