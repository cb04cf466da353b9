using DockGateway.Device.Hardware;
using DockGateway.Testing;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DockGateway.Device.Tests.Systemd;

/// <summary>deploy/dockgateway.example.json, which the dockgateway package installs as /etc/dockgateway/dockgateway.json.</summary>
public sealed class ExampleConfigurationTests
{
    [Fact]
    public void Example_configuration_binds_and_passes_validation()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "deploy", "dockgateway.example.json")).Build();
        var options = configuration.GetSection(DockHardwareOptions.Section).Get<DockHardwareOptions>()!;

        var result = new DockHardwareOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(4, options.Slots.Count);
        Assert.Equal(26, options.BuzzerPin);
        Assert.True(options.HasGpio);
    }
}
