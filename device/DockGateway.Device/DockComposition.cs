using DockGateway.Device.Metrics;
using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using DockGateway.Device.Systemd;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace DockGateway.Device;

/// <summary>
/// The whole dock as the service runs it: the core with either the simulated slots (Dock:Simulation:Root)
/// or the hardware (Dock:Hardware), MQTT status when Mqtt:Host is set, cloud sync when Sync:CloudUrl is
/// set, and systemd notification. Configuration comes from an optional JSON file (--config or
/// $DOCKGATEWAY_CONFIG), then environment variables, then the command line.
/// </summary>
public static class DockComposition
{
    public const string ConfigEnvironmentVariable = "DOCKGATEWAY_CONFIG";
    public const string ConfigSwitch = "--config";

    /// <summary>
    /// The host builder with the dock's configuration (appsettings.json, the file of --config or $DOCKGATEWAY_CONFIG,
    /// environment, command line) checked before anything is opened; null, with one "configuration error: …" line per
    /// problem on <paramref name="errors"/>, when a file is missing or malformed, a key unknown or a value unparseable.
    /// </summary>
    public static HostApplicationBuilder? CreateBuilder(string[] args, TextWriter errors)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, Configuration = ReadOnce() });
            if (!AddConfigFile(builder.Configuration, args, errors))
            {
                return null;
            }

            builder.Configuration.AddCommandLine(args, DockCommandLine.SwitchMappings);
            var mappings = DockCommandLine.SwitchMappings.AsReadOnly();
            return ConfigurationCheck.Report(builder.Configuration, DockConfigurationSchema.Instance, errors, mappings) ? builder : null;
        }
        catch (Exception e) when (ConfigurationFileError.Describe(e) is { } problem)
        {
            errors.WriteLine(ConfigurationCheck.ErrorPrefix + problem);
            return null;
        }
    }

    /// <summary>
    /// The host's own setting that its appsettings.json files are read once, not watched. The dock checks its
    /// configuration at start and applies it by restarting; a watch costs a thread and an inotify watch on every
    /// directory below the working directory (from a source tree: thousands of them, 3.4-3.6 MB of peak RSS in a
    /// four-slot ingest, benchmarks/RESULTS.md).
    /// </summary>
    private static ConfigurationManager ReadOnce()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        return configuration;
    }

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

    /// <summary>Registers every capability the configuration asks for: the core with its slots, status when Mqtt:Host is set, sync, systemd.</summary>
    public static IServiceCollection AddDock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDockServices(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[$"{MqttOptions.SectionName}:Host"]))
        {
            services.AddDockStatus(configuration);
        }

        services.AddDockSync(configuration);
        services.AddDockMetrics(configuration);
        services.AddSystemdIntegration();
        return services;
    }
}
