using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Slots;

/// <summary>
/// The current status of every slot, told to every registered <see cref="ISlotIndicator"/> (state.json
/// in simulation, LEDs, MQTT). An indicator that fails is logged and does not stop the others or the ingest.
/// </summary>
public sealed class SlotBoard(IEnumerable<ISlotIndicator> indicators, ILogger<SlotBoard> logger)
{
    private readonly ISlotIndicator[] _indicators = indicators.ToArray();
    private readonly ConcurrentDictionary<int, SlotStatus> _current = new();

    /// <summary>The latest status of each slot that has had one.</summary>
    public IReadOnlyDictionary<int, SlotStatus> Current => _current;

    public async ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
    {
        _current[status.Slot] = status;
        logger.LogDebug("Slot {Slot} {State}: {Message}", status.Slot, status.State, status.Message);
        foreach (var indicator in _indicators)
        {
            try
            {
                await indicator.ShowAsync(status, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Slot indicator {Indicator} failed for slot {Slot}", indicator.GetType().Name, status.Slot);
            }
        }
    }

    public static SlotStatus Empty(int slot) => new(slot, SlotState.Empty, null, 0, 0, 0, "empty");
}
