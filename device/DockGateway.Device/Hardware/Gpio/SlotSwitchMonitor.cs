using DockGateway.Device.Hardware.Usb;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Watches every slot's seat switch; a debounced change logs the seat state and makes the USB slot
/// source rescan at once (a pulled recorder is noticed before USB times out).
/// </summary>
public sealed class SlotSwitchMonitor(IGpio gpio, IOptions<DockHardwareOptions> options, RescanSignal rescan, ILogger<SlotSwitchMonitor> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watched = options.Value.Slots.Where(s => s.SwitchPin is not null).Select(slot => Task.Factory.StartNew(
            () =>
            {
                using var input = gpio.OpenInput(slot.SwitchPin!.Value, GpioBias.PullUp);
                new SlotSwitch(input, options.Value.SwitchDebounce).Run(
                    seated =>
                    {
                        logger.LogInformation("Slot {Slot}: seat switch {State}", slot.Slot, seated ? "closed (recorder seated)" : "open (slot empty)");
                        rescan.Request();
                    },
                    stoppingToken);
            },
            stoppingToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        return Task.WhenAll(watched);
    }
}
