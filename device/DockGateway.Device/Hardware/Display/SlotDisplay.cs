using System.Collections.Concurrent;
using System.Threading.Channels;
using DockGateway.Device.Slots;
using Iot.Device.CharacterLcd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DockGateway.Device.Hardware.Display;

/// <summary>
/// The character display as one more <see cref="ISlotIndicator"/>: told every slot change like the
/// LEDs and the MQTT slot topics, it redraws (off the ingest path) only the rows that changed, and turns
/// the page every <see cref="DisplayOptions.PageInterval"/> when more than two slots are wired.
/// Idle with one page, it does not wake at all.
/// </summary>
public sealed class SlotDisplay(ICharacterLcd lcd, IOptions<DockHardwareOptions> options, TimeProvider time, ILogger<SlotDisplay> logger)
    : BackgroundService, ISlotIndicator
{
    private readonly ConcurrentDictionary<int, SlotStatus> _statuses = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly string?[] _shown = new string?[SlotScreen.Rows];
    private int _page;
    private bool _failing;

    private int Pages => SlotScreen.Pages(options.Value.Slots.Count);

    public ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
    {
        _statuses[status.Slot] = status;
        _changed.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the rows of the current page that differ from what the display shows.</summary>
    internal void Render()
    {
        var slots = options.Value.Slots.Select(s => s.Slot).Order()
            .Select(slot => _statuses.TryGetValue(slot, out var status) ? status : SlotBoard.Empty(slot)).ToList();
        var lines = SlotScreen.Lines(slots, _page);
        for (var row = 0; row < lines.Length; row++)
        {
            if (lines[row] != _shown[row])
            {
                lcd.SetCursorPosition(0, row);
                lcd.Write(lines[row]);
                _shown[row] = lines[row];
            }
        }
    }

    /// <summary>Turns to the next page (back to the first after the last).</summary>
    internal void NextPage() => _page = (_page + 1) % Pages;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Display?.PageInterval ?? TimeSpan.FromSeconds(5);
        logger.LogInformation("Display: {Slots} slots on {Pages} page(s)", options.Value.Slots.Count, Pages);
        var turn = time.GetUtcNow() + interval;
        Draw();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ChangeAsync(Pages > 1 ? turn - time.GetUtcNow() : Timeout.InfiniteTimeSpan, stoppingToken);
                if (Pages > 1 && time.GetUtcNow() >= turn)
                {
                    NextPage();
                    turn = time.GetUtcNow() + interval;
                }

                Draw();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Once the loop has ended (or never ran), leaves a display that says the dock is not running.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Stopped();
    }

    private async Task ChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var elapsed = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(elapsed.Token, stoppingToken);
        try
        {
            await _changed.Reader.WaitToReadAsync(either.Token);
            _changed.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Draw()
    {
        try
        {
            Render();
            if (_failing)
            {
                logger.LogInformation("Display answers again");
                _failing = false;
            }
        }
        catch (IOException e)
        {
            Array.Clear(_shown);
            if (!_failing)
            {
                logger.LogWarning(e, "Display write failed; retrying at the next change");
                _failing = true;
            }
        }
    }

    private void Stopped()
    {
        try
        {
            lcd.Clear();
            lcd.SetCursorPosition(0, 0);
            lcd.Write("DockGateway stopped");
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Display could not show that the dock stopped");
        }
    }
}
