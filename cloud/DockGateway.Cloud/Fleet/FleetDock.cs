namespace DockGateway.Cloud.Fleet;

/// <summary>
/// An enrolled dock as the fleet view shows it: the registry's facts plus the latest status it reported
/// over MQTT. A dock never heard from is offline with no status fields.
/// </summary>
public sealed record FleetDock(
    string AgencyCode,
    string Id,
    string Site,
    long SlotCount,
    bool Online,
    DateTimeOffset? OnlineChangedAt,
    DateTimeOffset? LastSeenAt,
    string? Version,
    long? UptimeS,
    long? FreeDiskBytes,
    IReadOnlyDictionary<string, long>? Queues,
    DateTimeOffset? StatusReportedAt,
    DateTimeOffset? StatusReceivedAt,
    IReadOnlyList<FleetSlot> Slots);
