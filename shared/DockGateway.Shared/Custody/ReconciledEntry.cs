namespace DockGateway.Shared.Custody;

/// <summary>A state left by a crash was resolved (e.g. an ingested file already gone from the recorder).</summary>
public sealed record ReconciledEntry(int Slot, string Recorder, string Path, string Sha256, long Ingested, string Reason, string? PathEncoding = null)
    : SlotEntry(Slot), IRecorderFileEntry;
