using DockGateway.Device.Hardware;
using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using DockGateway.Device.Systemd;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace DockGateway.Device;

/// <summary>
/// The whole dock as the service runs it: the core, then either the simulated slots (Dock:Simulation:Root)
/// or the hardware (Dock:Hardware), MQTT status when Mqtt:Host is set, cloud sync when Sync:CloudUrl is
/// set, and systemd notification. Configuration comes from an optional JSON file (--config or
/// $DOCKGATEWAY_CONFIG), then environment variables, then the command line.
/// </summary>
public static class DockComposition
{
    public const string ConfigEnvironmentVariable = "DOCKGATEWAY_CONFIG";
    public const string ConfigSwitch = "--config";

    /// <summary>
    /// Adds the JSON configuration file named by --config or $DOCKGATEWAY_CONFIG (comments allowed) below the
    /// environment variables and the command line. False (with the reason on <paramref name="errors"/>) when it is named but missing.
    /// </summary>
    public static bool AddConfigFile(IConfigurationBuilder configuration, IReadOnlyList<string> args, TextWriter errors)
    {
        var (path, origin) = (Environment.GetEnvironmentVariable(ConfigEnvironmentVariable), ConfigEnvironmentVariable);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == ConfigSwitch && i + 1 < args.Count)
            {
                (path, origin) = (args[i + 1], ConfigSwitch);
            }
            else if (args[i].StartsWith(ConfigSwitch + "=", StringComparison.Ordinal))
            {
                (path, origin) = (args[i][(ConfigSwitch.Length + 1)..], ConfigSwitch);
            }
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return true;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            errors.WriteLine($"configuration error: {origin}: no configuration file at {full}");
            return false;
        }

        var source = new JsonConfigurationSource
        {
            Path = Path.GetFileName(full),
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(full)!),
            Optional = false,
            ReloadOnChange = false,
        };
        var index = configuration.Sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        configuration.Sources.Insert(index < 0 ? configuration.Sources.Count : index, source);
        return true;
    }

    /// <summary>Registers every capability the configuration asks for.</summary>
    public static IServiceCollection AddDock(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDockServices(configuration);
        if (string.IsNullOrWhiteSpace(configuration[$"{DockOptions.Section}:Simulation:Root"]))
        {
            services.AddDockHardware(configuration);
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{MqttOptions.SectionName}:Host"]))
        {
            services.AddDockStatus(configuration);
        }

        // Sync:DockId defaults to Dock:DockId: enrolment gives one id, used in custody entries, topics and as the RFC 9421 keyid.
        services.AddOptions<SyncOptions>().PostConfigure<IOptions<DockOptions>>((sync, dock) =>
        {
            if (string.IsNullOrWhiteSpace(sync.DockId))
            {
                sync.DockId = dock.Value.DockId;
            }
        });
        services.AddDockSync(configuration);
        services.AddSystemdIntegration();
        return services;
    }

    /// <summary>Every option failure of <paramref name="e"/>, one line each naming its key.</summary>
    public static void Report(OptionsValidationException e, TextWriter errors)
    {
        foreach (var failure in e.Failures)
        {
            errors.WriteLine($"configuration error: {failure}");
        }
    }
}
