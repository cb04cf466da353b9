namespace DockGateway.Device.Slots;

/// <summary>Something that happened in a slot, reported by an <see cref="ISlotSource"/>.</summary>
public abstract record SlotEvent(int Slot);
