namespace DockGateway.Device.Slots;

/// <summary>Something that is not an admissible recorder (a thumb drive, a phone) was plugged in: never mounted.</summary>
public sealed record DeviceRefused(int Slot, RecorderIdentity Device, string Reason) : SlotEvent(Slot);
