using DockGateway.Device.Slots;

namespace DockGateway.Device.Status;

/// <summary>Shows slot status on the retained <c>slots/&lt;n&gt;</c> topic (coalesced: latest wins).</summary>
public sealed class MqttSlotIndicator(RetainedTopics retained, DockTopics topics, TimeProvider time) : ISlotIndicator
{
    public ValueTask ShowAsync(SlotStatus status, CancellationToken cancellationToken)
    {
        retained.Set(topics.Slot(status.Slot), StatusJson.Slot(status, time.GetUtcNow()));
        return ValueTask.CompletedTask;
    }
}
