namespace DockGateway.Device.Slots;

/// <summary>
/// Reports recorders arriving in and leaving slots: the simulation folder watcher, or USB
/// detection from sysfs on a real dock.
/// </summary>
public interface ISlotSource
{
    IAsyncEnumerable<SlotEvent> WatchAsync(CancellationToken cancellationToken);
}
