namespace DockGateway.Device.Slots;

/// <summary>
/// Shows a slot's status to the outside world: LEDs over GPIO, state.json in simulation,
/// the retained MQTT slot topic. Several indicators may be registered; each is told every change.
/// </summary>
public interface ISlotIndicator
{
    ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken);
}
