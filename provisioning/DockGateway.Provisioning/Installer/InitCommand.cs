using System.CommandLine;
using System.Text.Json.Nodes;
using DockGateway.Device;
using DockGateway.Device.Hardware;
using DockGateway.Shared.Configuration;
using DockGateway.Shared.Crypto;
using Microsoft.Extensions.Configuration;

namespace DockGateway.Provisioning.Installer;

/// <summary><c>dockctl init</c>: the dock's data directory (0700), its Ed25519 key (0600) and a validated configuration skeleton.</summary>
public static class InitCommand
{
    public static Command Create(Option<string> config)
    {
        var data = new Option<string>("--data") { Description = "The dock's data directory", HelpName = "DIR", DefaultValueFactory = _ => "/var/lib/dockgateway" };
        var dockId = new Option<string>("--dock-id") { Description = "Dock id until enrolment assigns one", DefaultValueFactory = _ => "dock-1" };
        var agency = new Option<string>("--agency") { Description = "The agency this dock belongs to", DefaultValueFactory = _ => "agency" };
        var command = new Command("init", "Create the dock key (0600), the data directory (0700) and a validated configuration skeleton")
        {
            config, data, dockId, agency,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var configPath = parse.GetRequiredValue(config);
            var dataDirectory = Path.GetFullPath(parse.GetRequiredValue(data));
            CreatePrivateDirectory(dataDirectory);
            var keyPath = Path.Combine(dataDirectory, "dock.key");
            var existed = File.Exists(keyPath);
            byte[] publicKey;
            try
            {
                using var key = KeyFile.LoadOrCreate(keyPath);
                publicKey = key.PublicKey;
            }
            catch (KeyFileException e)
            {
                throw new InputException(e.Message, e);
            }

            output.WriteLine($"{(existed ? "kept" : "created")} dock key {keyPath} (0600), public key {Convert.ToBase64String(publicKey)}");

            if (DockConfigFile.Exists(configPath))
            {
                output.WriteLine($"kept existing configuration {configPath}");
                return ExitCodes.Ok;
            }

            var file = DockConfigFile.Create(configPath, Skeleton(dataDirectory, keyPath, parse.GetRequiredValue(dockId), parse.GetRequiredValue(agency)));
            Validate(file);
            file.Save();
            output.WriteLine($"wrote configuration {configPath} (0600); next: dockctl enroll, then dockctl slots learn");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks a configuration with the service's own validators; an empty slot map is expected before learning.</summary>
    internal static void Validate(DockConfigFile file)
    {
        var configuration = file.ToConfiguration();
        // Unknown keys and unparseable values first, as the dock reports them: binding would throw on the latter.
        var problems = ConfigurationCheck.Problems(configuration, DockConfigurationSchema.Instance);
        if (problems.Count > 0)
        {
            throw new InputException($"configuration {file.Path} is invalid:\n  " + string.Join("\n  ", problems));
        }

        var dock = configuration.GetSection(DockOptions.Section).Get<DockOptions>() ?? new DockOptions();
        var hardware = configuration.GetSection(DockHardwareOptions.Section).Get<DockHardwareOptions>() ?? new DockHardwareOptions();
        var failures = new DockOptionsValidator().Validate(null, dock).Failures ?? [];
        failures = failures.Concat((new DockHardwareOptionsValidator().Validate(null, hardware).Failures ?? [])
            .Where(f => !f.StartsWith($"{DockHardwareOptions.Section}:Slots is empty", StringComparison.Ordinal)));
        var list = failures.ToList();
        if (list.Count > 0)
        {
            throw new InputException($"configuration {file.Path} is invalid:\n  " + string.Join("\n  ", list));
        }
    }

    private static JsonObject Skeleton(string dataDirectory, string keyPath, string dockId, string agency) => new()
    {
        ["Dock"] = new JsonObject
        {
            ["DataDirectory"] = dataDirectory,
            ["DockId"] = dockId,
            ["Agency"] = agency,
            ["KeyFile"] = keyPath,
            ["Hardware"] = new JsonObject
            {
                ["Enabled"] = true,
                ["GpioChip"] = "gpiochip0",
                ["RegisteredSerialsFile"] = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DockConfigFile.DefaultPath))!, "registered-serials.txt"),
                ["Slots"] = new JsonArray(),
            },
        },
    };

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new InputException("dockctl init prepares a Linux dock");
        }

        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(path, Private);
        File.SetUnixFileMode(path, Private);
    }
}
