namespace DockGateway.Device.Slots;

/// <summary>The recorder in the slot was pulled out (possibly mid-ingest: that is normal).</summary>
public sealed record RecorderRemoved(int Slot) : SlotEvent(Slot);
