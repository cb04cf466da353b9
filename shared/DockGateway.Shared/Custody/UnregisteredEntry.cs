namespace DockGateway.Shared.Custody;

/// <summary>The alert for a recorder whose serial is not registered to this agency (it is ingested all the same).</summary>
public sealed record UnregisteredEntry(int Slot, string Recorder, string Vendor, string Model) : SlotEntry(Slot), IRecorderEntry;
