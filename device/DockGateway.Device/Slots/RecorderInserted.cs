namespace DockGateway.Device.Slots;

/// <summary>A recorder was seated, identified and its storage is available.</summary>
/// <param name="Clock">The recorder's clock skew and whether it was set (real docks; null in simulation).</param>
public sealed record RecorderInserted(int Slot, RecorderIdentity Recorder, IRecorderVolume Volume, RecorderClock? Clock = null) : SlotEvent(Slot);
