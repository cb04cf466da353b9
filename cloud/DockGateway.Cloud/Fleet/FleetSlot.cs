namespace DockGateway.Cloud.Fleet;

/// <summary>The latest state a dock reported for one of its slots.</summary>
public sealed record FleetSlot(
    int Slot,
    string State,
    string? Recorder,
    long Files,
    long Done,
    long Errors,
    string? Message,
    DateTimeOffset? ReportedAt,
    DateTimeOffset ReceivedAt);
