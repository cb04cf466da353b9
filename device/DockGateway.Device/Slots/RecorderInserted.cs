namespace DockGateway.Device.Slots;

/// <summary>A recorder was seated, identified and its storage is available.</summary>
public sealed record RecorderInserted(int Slot, RecorderIdentity Recorder, IRecorderVolume Volume) : SlotEvent(Slot);
