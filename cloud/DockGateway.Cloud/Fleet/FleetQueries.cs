using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Fleet;

/// <summary>Reads the fleet view: enrolled docks joined with what they last reported, and their alerts.</summary>
public sealed class FleetQueries(ICloudDatabase database)
{
    private const string DockSelect = """
        SELECT d.agency_code AS AgencyCode, d.id AS Id, d.site AS Site, d.slots AS SlotCount, d.last_seen_at AS LastSeenAt,
            f.online AS Online, f.online_changed_at AS OnlineChangedAt, f.version AS Version, f.uptime_s AS UptimeS,
            f.free_disk_bytes AS FreeDiskBytes, f.queues AS Queues, f.reported_at AS ReportedAt, f.received_at AS ReceivedAt
        FROM docks d LEFT JOIN fleet_docks f ON f.dock_id = d.id
        """;

    private const string SlotSelect = """
        SELECT dock_id AS DockId, slot AS Slot, state AS State, recorder AS Recorder, files AS Files, done AS Done, errors AS Errors,
            message AS Message, reported_at AS ReportedAt, received_at AS ReceivedAt
        FROM fleet_slots
        """;

    /// <summary>Every dock of <paramref name="agencyCodes"/> (null = all), by agency then id, with its slots.</summary>
    public async Task<IReadOnlyList<FleetDock>> ListDocksAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var codes = new { agencyCodes = agencyCodes?.ToArray() ?? [] };
        var docks = await connection.QueryAsync<DockRow>(new CommandDefinition(
            $"{DockSelect} {(agencyCodes is null ? string.Empty : "WHERE " + database.AnyOf("d.agency_code", "agencyCodes"))} ORDER BY d.agency_code, d.id",
            codes, cancellationToken: cancellationToken));
        var slots = (await connection.QueryAsync<SlotRow>(new CommandDefinition(
            $"{SlotSelect} {(agencyCodes is null ? string.Empty : "WHERE " + database.AnyOf("agency_code", "agencyCodes"))} ORDER BY dock_id, slot",
            codes, cancellationToken: cancellationToken))).ToLookup(s => s.DockId, StringComparer.Ordinal);
        return docks.Select(d => d.ToDock(slots[d.Id])).ToList();
    }

    /// <summary>One dock of <paramref name="agencyCode"/> with its slots, or null when the agency has no such dock.</summary>
    public async Task<FleetDock?> FindDockAsync(string agencyCode, string dockId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var args = new { agencyCode, dockId };
        var dock = await connection.QuerySingleOrDefaultAsync<DockRow>(new CommandDefinition(
            $"{DockSelect} WHERE d.id = @dockId AND d.agency_code = @agencyCode", args, cancellationToken: cancellationToken));
        if (dock is null)
        {
            return null;
        }

        var slots = await connection.QueryAsync<SlotRow>(new CommandDefinition(
            $"{SlotSelect} WHERE dock_id = @dockId ORDER BY slot", args, cancellationToken: cancellationToken));
        return dock.ToDock(slots);
    }

    /// <summary>The agency's alerts received after <paramref name="since"/> (all when null), newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<FleetAlert>> ListAlertsAsync(string agencyCode, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            """
            SELECT id AS Id, agency_code AS AgencyCode, dock_id AS DockId, event_key AS EventKey, kind AS Kind, occurred_at AS OccurredAt,
                received_at AS ReceivedAt, slot AS Slot, recorder AS Recorder, file AS File, message AS Message,
                missing_from AS MissingFrom, missing_to AS MissingTo
            FROM fleet_alerts WHERE agency_code = @agencyCode AND received_at > @since
            ORDER BY received_at DESC, id DESC LIMIT @limit
            """,
            new { agencyCode, since = since?.ToUnixTimeMilliseconds() ?? long.MinValue, limit = (long)limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new FleetAlert(
            r.Id, r.AgencyCode, r.DockId, r.EventKey, r.Kind, Ms(r.OccurredAt), Ms(r.ReceivedAt), (int?)r.Slot, r.Recorder, r.File, r.Message, r.MissingFrom, r.MissingTo)).ToList();
    }

    private static DateTimeOffset Ms(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    private static DateTimeOffset? Ms(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    private sealed class DockRow
    {
        public string AgencyCode { get; init; } = string.Empty;

        public string Id { get; init; } = string.Empty;

        public string Site { get; init; } = string.Empty;

        public long SlotCount { get; init; }

        public long? LastSeenAt { get; init; }

        public long? Online { get; init; }

        public long? OnlineChangedAt { get; init; }

        public string? Version { get; init; }

        public long? UptimeS { get; init; }

        public long? FreeDiskBytes { get; init; }

        public string? Queues { get; init; }

        public long? ReportedAt { get; init; }

        public long? ReceivedAt { get; init; }

        public FleetDock ToDock(IEnumerable<SlotRow> slots) => new(
            AgencyCode, Id, Site, SlotCount, Online == 1, Ms(OnlineChangedAt), Ms(LastSeenAt), Version, UptimeS, FreeDiskBytes,
            Queues is null ? null : JsonSerializer.Deserialize<Dictionary<string, long>>(Queues), Ms(ReportedAt), Ms(ReceivedAt),
            slots.Select(s => new FleetSlot((int)s.Slot, s.State, s.Recorder, s.Files, s.Done, s.Errors, s.Message, Ms(s.ReportedAt), Ms(s.ReceivedAt))).ToList());
    }

    private sealed class SlotRow
    {
        public string DockId { get; init; } = string.Empty;

        public long Slot { get; init; }

        public string State { get; init; } = string.Empty;

        public string? Recorder { get; init; }

        public long Files { get; init; }

        public long Done { get; init; }

        public long Errors { get; init; }

        public string? Message { get; init; }

        public long? ReportedAt { get; init; }

        public long ReceivedAt { get; init; }
    }

    private sealed class AlertRow
    {
        public string Id { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string DockId { get; init; } = string.Empty;

        public string EventKey { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public long OccurredAt { get; init; }

        public long ReceivedAt { get; init; }

        public long? Slot { get; init; }

        public string? Recorder { get; init; }

        public string? File { get; init; }

        public string? Message { get; init; }

        public long? MissingFrom { get; init; }

        public long? MissingTo { get; init; }
    }
}
