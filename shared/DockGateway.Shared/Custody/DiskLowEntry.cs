namespace DockGateway.Shared.Custody;

/// <summary>Ingest refused because the dock's storage is low; the recorder was not touched.</summary>
public sealed record DiskLowEntry(int Slot, string Recorder, long FreeBytes, long RequiredBytes) : SlotEntry(Slot), IRecorderEntry;
