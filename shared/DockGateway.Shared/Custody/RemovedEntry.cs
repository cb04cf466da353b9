namespace DockGateway.Shared.Custody;

/// <summary>A recorder left its slot; <see cref="Complete"/> when everything on it had been ingested.</summary>
public sealed record RemovedEntry(int Slot, string Recorder, bool Complete) : SlotEntry(Slot), IRecorderEntry;
