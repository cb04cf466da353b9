using System.Device.Gpio;
using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Watches every slot's seat switch; a debounced change logs the seat state and makes the USB slot
/// source rescan at once (a pulled recorder is noticed before USB times out). No thread of its own:
/// each switch awaits edges handed over by the GPIO driver.
/// </summary>
public sealed class SlotSwitchMonitor(
    GpioController gpio, IOptions<DockHardwareOptions> options, RescanSignal rescan, TimeProvider time, ILogger<SlotSwitchMonitor> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watched = options.Value.Slots.Where(s => s.SwitchPin is not null).Select(slot =>
            new SlotSwitch(gpio, slot.SwitchPin!.Value, options.Value.SwitchDebounce, time).RunAsync(
                seated =>
                {
                    logger.LogInformation("Slot {Slot}: seat switch {State}", slot.Slot, seated ? "closed (recorder seated)" : "open (slot empty)");
                    rescan.Request();
                },
                stoppingToken));
        return Task.WhenAll(watched);
    }
}
