using System.Device.Gpio;
using System.Diagnostics;
using DockGateway.Device.Hardware;
using DockGateway.Device.Hardware.Gpio;
using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Gpio;

public sealed class SlotSwitchMonitorTests
{
    [Fact]
    public async Task Seating_a_recorder_makes_the_usb_source_rescan_at_once()
    {
        var driver = new FakeGpioDriver();
        using var gpio = new GpioController(driver);
        var options = Options.Create(new DockHardwareOptions
        {
            SwitchDebounce = TimeSpan.FromMilliseconds(20),
            Slots =
            [
                new SlotWiring { Slot = 1, Port = "1-1.1", SwitchPin = 17 },
                new SlotWiring { Slot = 2, Port = "1-1.2", SwitchPin = 27 },
                new SlotWiring { Slot = 3, Port = "1-1.3" },
            ],
        });
        var rescan = new RescanSignal();
        using var monitor = new SlotSwitchMonitor(gpio, options, rescan, TimeProvider.System, NullLogger<SlotSwitchMonitor>.Instance);
        await monitor.StartAsync(CancellationToken.None);
        for (var i = 0; i < 500 && (driver.CallbackCount(17) == 0 || driver.CallbackCount(27) == 0); i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(2, driver.Open.Count); // only the slots with a switch
        var watch = Stopwatch.StartNew();
        driver.Drive(27, false);
        await rescan.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        var waited = watch.Elapsed;
        await monitor.StopAsync(CancellationToken.None);

        Assert.True(waited < TimeSpan.FromSeconds(5), $"rescan came after {waited}, not at once");
        Assert.Empty(driver.Open); // lines released on stop
    }
}
