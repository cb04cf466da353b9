namespace DockGateway.Cloud.Fleet;

/// <summary>An alert a dock raised (refused, late, overdue, gap, disk-low, error, unregistered); a gap carries the
/// missing file sequence numbers (<see cref="MissingFrom"/>..<see cref="MissingTo"/>).</summary>
public sealed record FleetAlert(
    string Id,
    string AgencyCode,
    string DockId,
    string EventKey,
    string Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    int? Slot,
    string? Recorder,
    string? File,
    string? Message,
    long? MissingFrom = null,
    long? MissingTo = null);
