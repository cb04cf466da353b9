namespace DockGateway.Shared.Custody;

/// <summary>
/// A device or a file was refused: a device that is not a recorder (<see cref="Serial"/>, vendor and model; reason
/// <c>not-a-recorder</c>), or a recorder's file (<see cref="Recorder"/>, and its path when there is one).
/// </summary>
public sealed record RefusedEntry(
    int Slot,
    string Reason,
    string Detail,
    string? Recorder = null,
    string? Serial = null,
    string? Vendor = null,
    string? Model = null,
    string? Path = null,
    string? PathEncoding = null) : SlotEntry(Slot), IRecorderFileEntry;
