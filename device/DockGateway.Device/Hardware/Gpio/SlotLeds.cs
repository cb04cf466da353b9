using System.Collections.Concurrent;
using System.Device.Gpio;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Each slot's green and red LEDs (and the buzzer) show its state with the patterns of
/// <see cref="SlotLightPattern"/>; rendered every 50 ms, lines written only when they change.
/// </summary>
public sealed class SlotLeds(GpioController gpio, IOptions<DockHardwareOptions> options, TimeProvider time, ILogger<SlotLeds> logger)
    : BackgroundService, ISlotIndicator
{
    private static readonly TimeSpan s_frame = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_beep = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<int, (SlotState State, SlotLightPattern Pattern, DateTimeOffset Since)> _shown = new();
    private readonly Dictionary<int, bool> _written = [];
    private (int Beeps, DateTimeOffset Since) _buzz;

    public ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pattern = SlotLightPattern.For(status.State);
        var previous = _shown.TryGetValue(status.Slot, out var p) ? p.State : (SlotState?)null;
        if (previous != status.State)
        {
            _shown[status.Slot] = (status.State, pattern, now);
            if (pattern.Beeps > 0)
            {
                _buzz = (pattern.Beeps, now);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Opens the configured LED and buzzer lines, all off.</summary>
    internal void OpenLines()
    {
        foreach (var pin in options.Value.Slots.SelectMany(s => new[] { s.GreenLedPin, s.RedLedPin }).Append(options.Value.BuzzerPin).OfType<int>())
        {
            gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
            _written[pin] = false;
        }
    }

    /// <summary>Writes every line's level for the current time.</summary>
    internal void Render()
    {
        var now = time.GetUtcNow();
        foreach (var slot in options.Value.Slots)
        {
            var (_, pattern, since) = _shown.TryGetValue(slot.Slot, out var shown) ? shown : (SlotState.Empty, SlotLightPattern.For(SlotState.Empty), now);
            Write(slot.GreenLedPin, pattern.Green.IsOn(now - since));
            Write(slot.RedLedPin, pattern.Red.IsOn(now - since));
        }

        var elapsed = now - _buzz.Since;
        Write(options.Value.BuzzerPin, elapsed < 2 * s_beep * _buzz.Beeps && elapsed.Ticks % (2 * s_beep.Ticks) < s_beep.Ticks);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OpenLines();
        logger.LogInformation("Slot LEDs on {Chip}: {Lines} lines", options.Value.GpioChip, _written.Count);
        using var timer = new PeriodicTimer(s_frame, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Render();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var pin in _written.Keys)
            {
                gpio.Write(pin, PinValue.Low);
            }
        }
    }

    private void Write(int? pin, bool on)
    {
        if (pin is int line && _written.TryGetValue(line, out var written) && written != on)
        {
            gpio.Write(line, on ? PinValue.High : PinValue.Low);
            _written[line] = on;
        }
    }
}
