using DockGateway.Device.Hardware;
using DockGateway.Testing.Volumes;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Tests.Hardware;

/// <summary>Dock:Hardware for tests: a fake sysfs, a private run directory, slots 1 and 2 on ports 1-1.3 and 1-1.4.</summary>
internal static class HardwareTestOptions
{
    public static IOptions<DockHardwareOptions> For(ScratchDirectory scratch, FakeSysfs? sysfs = null, Action<DockHardwareOptions>? configure = null)
    {
        var options = new DockHardwareOptions
        {
            SysfsRoot = sysfs?.Sys ?? scratch.Combine("sys"),
            DevRoot = sysfs?.Dev ?? scratch.Combine("dev"),
            RunDirectory = scratch.Combine("run"),
            PollInterval = TimeSpan.FromMilliseconds(100),
            UseUevents = false,
            GpioChip = null,
            Slots =
            [
                new SlotWiring { Slot = 1, Port = "1-1.3" },
                new SlotWiring { Slot = 2, Port = "1-1.4" },
            ],
            RecorderModels = [new() { VendorId = "2e8a", ProductId = "*", Name = "Test camera", Adapter = "mass-storage" }],
            RegisteredSerials = ["CAM-001"],
        };
        configure?.Invoke(options);
        return Options.Create(options);
    }
}
