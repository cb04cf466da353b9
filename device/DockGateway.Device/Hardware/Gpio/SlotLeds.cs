using System.Collections.Concurrent;
using System.Device.Gpio;
using System.Threading.Channels;
using DockGateway.Device.Slots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Gpio;

/// <summary>
/// Each slot's green and red LEDs (and the buzzer) show its state with the patterns of
/// <see cref="SlotLightPattern"/>; rendered every 50 ms while an LED blinks or the buzzer sounds,
/// lines written only when they change. When every LED is steady (an idle dock) it sleeps until a
/// slot changes state.
/// </summary>
public sealed class SlotLeds(GpioController gpio, IOptions<DockHardwareOptions> options, TimeProvider time, ILogger<SlotLeds> logger)
    : BackgroundService, ISlotIndicator
{
    private static readonly TimeSpan s_frame = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_beep = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<int, (SlotState State, SlotLightPattern Pattern, DateTimeOffset Since)> _shown = new();
    private readonly Dictionary<int, bool> _written = [];
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private (int Beeps, DateTimeOffset Since) _buzz;

    /// <summary>Whether the lines still change with time: an LED blinks or the buzzer is sounding.</summary>
    internal bool IsAnimating
    {
        get
        {
            var now = time.GetUtcNow();
            return now - _buzz.Since < BuzzLength(_buzz.Beeps)
                || _shown.Values.Any(s => !s.Pattern.Green.IsSteady || !s.Pattern.Red.IsSteady);
        }
    }

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

            _changed.Writer.TryWrite(true);
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
        Write(options.Value.BuzzerPin, elapsed < BuzzLength(_buzz.Beeps) && elapsed.Ticks % (2 * s_beep.Ticks) < s_beep.Ticks);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OpenLines();
        logger.LogInformation("Slot LEDs on {Chip}: {Lines} lines", options.Value.GpioChip, _written.Count);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Render();
                if (IsAnimating)
                {
                    await Task.Delay(s_frame, time, stoppingToken);
                }
                else
                {
                    await _changed.Reader.WaitToReadAsync(stoppingToken);
                }

                _changed.Reader.TryRead(out _);
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

    private static TimeSpan BuzzLength(int beeps) => 2 * s_beep * beeps;

    private void Write(int? pin, bool on)
    {
        if (pin is int line && _written.TryGetValue(line, out var written) && written != on)
        {
            gpio.Write(line, on ? PinValue.High : PinValue.Low);
            _written[line] = on;
        }
    }
}
