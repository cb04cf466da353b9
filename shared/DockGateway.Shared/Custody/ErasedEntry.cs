namespace DockGateway.Shared.Custody;

/// <summary>A file was deleted from the recorder after its <see cref="IngestedEntry"/> (index <see cref="Ingested"/>) was committed.</summary>
public sealed record ErasedEntry(int Slot, string Recorder, string Path, string Sha256, long Ingested, string? PathEncoding = null) : SlotEntry(Slot), IRecorderFileEntry;
