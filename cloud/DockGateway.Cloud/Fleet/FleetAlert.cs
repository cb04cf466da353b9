namespace DockGateway.Cloud.Fleet;

/// <summary>An alert a dock raised (refused, late, overdue, gap, disk-low, error, unregistered).</summary>
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
    string? Message);
