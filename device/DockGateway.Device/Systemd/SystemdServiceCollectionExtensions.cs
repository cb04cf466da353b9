using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DockGateway.Device.Systemd;

/// <summary>systemd integration without Microsoft.Extensions.Hosting.Systemd (not obtainable here).</summary>
public static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// sd_notify READY/WATCHDOG/STOPPING, and, when stdout goes to the journal ($JOURNAL_STREAM),
    /// the console logger's systemd format ("&lt;6&gt;category: message", one line, no colours).
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SystemdNotifier>();
        services.AddHostedService<SystemdLifetimeService>();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")))
        {
            services.AddLogging(logging => logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Systemd));
        }

        return services;
    }
}
