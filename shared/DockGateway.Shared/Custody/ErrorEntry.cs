namespace DockGateway.Shared.Custody;

/// <summary>
/// Something failed for a recorder (with its vendor and model) or one of its files (with its path, when there is
/// one); the recorder keeps the file.
/// </summary>
public sealed record ErrorEntry(
    int Slot,
    string Recorder,
    string Reason,
    string Detail,
    string? Vendor = null,
    string? Model = null,
    string? Path = null,
    string? PathEncoding = null) : SlotEntry(Slot), IRecorderFileEntry;
