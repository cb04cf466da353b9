namespace DockGateway.Device.Slots;

/// <summary>What a slot shows: its state plus the counts an officer's light and a manager's view need.</summary>
public sealed record SlotStatus(
    int Slot,
    SlotState State,
    string? Recorder,
    int Files,
    int Done,
    int Errors,
    string Message);
