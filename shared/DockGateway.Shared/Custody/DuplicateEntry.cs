namespace DockGateway.Shared.Custody;

/// <summary>
/// A file whose bytes are already in custody under entry <see cref="Ingested"/>: committed before the file is
/// erased from this recorder (then an <see cref="ErasedEntry"/> follows).
/// </summary>
public sealed record DuplicateEntry(int Slot, string Recorder, string Path, string Sha256, long Size, long Ingested, string? PathEncoding = null)
    : SlotEntry(Slot), IRecorderFileEntry;
