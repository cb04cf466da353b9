using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Adapters;
using Xunit;

namespace DockGateway.Device.Tests.Hardware;

public sealed class DockHardwareOptionsValidatorTests
{
    private static DockHardwareOptions Valid() => new()
    {
        Slots =
        [
            new SlotWiring { Slot = 1, Port = "1-1.3", SwitchPin = 17, GreenLedPin = 5, RedLedPin = 6 },
            new SlotWiring { Slot = 2, Port = "1-1.4" },
        ],
    };

    [Fact]
    public void Valid_configuration_passes()
    {
        Assert.True(new DockHardwareOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Each_mistake_is_reported_with_its_key()
    {
        var options = Valid();
        options.Slots.Add(new SlotWiring { Slot = 1, Port = "usb1/1-1.3", RedLedPin = 17 });
        options.RecorderModels.Add(new RecorderModel { VendorId = "xyz", ProductId = "0001", Adapter = "teleport" });
        options.PollInterval = TimeSpan.Zero;
        options.RunDirectory = "run";

        var failures = new DockHardwareOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Contains("Dock:Hardware:Slots:2:Slot 1 appears twice", failures);
        Assert.Contains(failures, f => f.StartsWith("Dock:Hardware:Slots:2:Port 'usb1/1-1.3'", StringComparison.Ordinal));
        Assert.Contains("Dock:Hardware:Slots:2:RedLedPin 17 is already used by Dock:Hardware:Slots:0:SwitchPin", failures);
        Assert.Contains(failures, f => f.StartsWith("Dock:Hardware:RecorderModels:0:VendorId 'xyz'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dock:Hardware:RecorderModels:0:Adapter 'teleport'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dock:Hardware:PollInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dock:Hardware:RunDirectory 'run'", StringComparison.Ordinal));
    }

    [Fact]
    public void No_slots_is_an_error_that_says_how_to_learn_them()
    {
        var failure = Assert.Single(new DockHardwareOptionsValidator().Validate(null, new DockHardwareOptions()).Failures!);

        Assert.Contains("dockctl slots learn", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_hardware_is_not_validated()
    {
        Assert.True(new DockHardwareOptionsValidator().Validate(null, new DockHardwareOptions { Enabled = false }).Succeeded);
    }
}
