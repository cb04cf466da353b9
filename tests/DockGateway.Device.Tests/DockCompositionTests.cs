using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests;

public sealed class DockCompositionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-composition-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_config_file_is_an_error_naming_the_switch_and_the_path()
    {
        var errors = new StringWriter();
        var missing = Path.Combine(_directory, "nope.json");

        Assert.False(DockComposition.AddConfigFile(new ConfigurationBuilder(), ["--config", missing], errors));
        Assert.Contains("--config", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(missing, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_file_sits_below_environment_variables_and_the_command_line()
    {
        var file = Path.Combine(_directory, "dock.json");
        File.WriteAllText(file, """
            // comments are allowed
            { "Dock": { "DockId": "from-file", "Agency": "file-agency" } }
            """);
        var builder = new ConfigurationBuilder().AddEnvironmentVariables("DOCKGW_COMPOSITION_TEST_");
        Assert.True(DockComposition.AddConfigFile(builder, [$"--config={file}"], TextWriter.Null));
        builder.AddCommandLine(["--dock-id", "from-command-line"], DockCommandLine.SwitchMappings);

        var configuration = builder.Build();
        Assert.Equal("from-command-line", configuration["Dock:DockId"]);
        Assert.Equal("file-agency", configuration["Dock:Agency"]);
        Assert.IsType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>(builder.Sources[0]);
    }

    [Fact]
    public void No_configuration_file_is_watched()
    {
        var builder = DockComposition.CreateBuilder([], TextWriter.Null);

        var files = ((IConfigurationBuilder)builder!.Configuration).Sources.OfType<FileConfigurationSource>().ToList();
        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched"));
    }

    [Fact]
    public void Status_and_sync_are_wired_only_when_a_broker_and_a_cloud_are_configured()
    {
        using var bare = Build(new() { ["Dock:DataDirectory"] = _directory, ["Dock:Simulation:Root"] = _directory });
        Assert.Null(bare.Services.GetService<EventOutbox>());
        Assert.Null(bare.Services.GetService<UploadBacklog>());

        var settings = new Dictionary<string, string?>
        {
            ["Dock:DataDirectory"] = _directory,
            ["Dock:Simulation:Root"] = _directory,
            ["Dock:DockId"] = "dock-7",
            ["Mqtt:Host"] = "127.0.0.1",
            ["Sync:CloudUrl"] = "http://127.0.0.1:1/",
        };
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        DockComposition.AddDock(services, configuration);
        Assert.Contains(services, d => d.ServiceType == typeof(EventOutbox));
        Assert.Contains(services, d => d.ServiceType == typeof(UploadBacklog));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        using var provider = services.BuildServiceProvider();
        // Sync:DockId falls back to Dock:DockId (one id from enrolment); the keys are still required.
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SyncOptions>>().Value);
        Assert.DoesNotContain(failure.Failures, f => f.StartsWith("Sync:DockId", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Sync:WitnessKey", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        DockComposition.AddDock(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
