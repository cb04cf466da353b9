using System.Data.Common;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Writes what docks report into <c>fleet_docks</c>, <c>fleet_slots</c> and <c>fleet_alerts</c>. Latest
/// state is upserted and alerts are inserted once per (dock, event key), so every cloud instance that
/// receives the same messages ends with the same rows. A report that shows the dock alive also moves the
/// registry's <c>docks.last_seen_at</c> forward; a report that shows a recorder in a slot moves that
/// recorder's <c>last_docked_at</c> and <c>last_dock_id</c> forward (see <see cref="RecorderSightings"/>).
/// </summary>
public sealed class FleetStore(ICloudDatabase database)
{
    /// <summary>True when <paramref name="dockId"/> is enrolled under <paramref name="agencyCode"/>.</summary>
    public async Task<bool> IsEnrolledAsync(string agencyCode, string dockId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM docks WHERE id = @dockId AND agency_code = @agencyCode",
            new { dockId, agencyCode }, cancellationToken: cancellationToken)) > 0;
    }

    public Task ApplyStatusAsync(FleetTopic topic, DockStatusReport report, DateTimeOffset receivedAt, DateTimeOffset? seenAt, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var at = receivedAt.ToUnixTimeMilliseconds();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO fleet_docks (dock_id, agency_code, online, online_changed_at, version, uptime_s, free_disk_bytes, queues, reported_at, received_at)
                    VALUES (@dock, @agency, @online, @at, @version, @uptime, @disk, @queues, @reported, @at)
                    ON CONFLICT (dock_id) DO UPDATE SET
                        online_changed_at = CASE WHEN fleet_docks.online = excluded.online THEN fleet_docks.online_changed_at ELSE excluded.online_changed_at END,
                        online = excluded.online,
                        version = COALESCE(excluded.version, fleet_docks.version),
                        uptime_s = COALESCE(excluded.uptime_s, fleet_docks.uptime_s),
                        free_disk_bytes = COALESCE(excluded.free_disk_bytes, fleet_docks.free_disk_bytes),
                        queues = COALESCE(excluded.queues, fleet_docks.queues),
                        reported_at = COALESCE(excluded.reported_at, fleet_docks.reported_at),
                        received_at = excluded.received_at
                    """,
                    new
                    {
                        dock = topic.Dock, agency = topic.Agency, online = report.Online ? 1L : 0L, at, version = report.Version,
                        uptime = report.UptimeS, disk = report.FreeDiskBytes,
                        queues = report.Queues is null ? null : JsonSerializer.Serialize(report.Queues),
                        reported = report.Time?.ToUnixTimeMilliseconds(),
                    },
                    transaction, cancellationToken: cancellationToken));
                await SeenAsync(connection, transaction, topic, seenAt, cancellationToken);
            },
            cancellationToken);

    public Task ApplySlotAsync(FleetTopic topic, SlotReport report, DateTimeOffset receivedAt, DateTimeOffset? seenAt, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO fleet_slots (dock_id, slot, agency_code, state, recorder, files, done, errors, message, reported_at, received_at)
                    VALUES (@dock, @slot, @agency, @State, @Recorder, @Files, @Done, @Errors, @Message, @reported, @at)
                    ON CONFLICT (dock_id, slot) DO UPDATE SET
                        state = excluded.state, recorder = excluded.recorder, files = excluded.files, done = excluded.done,
                        errors = excluded.errors, message = excluded.message, reported_at = excluded.reported_at, received_at = excluded.received_at
                    """,
                    new
                    {
                        dock = topic.Dock, slot = (long)report.Slot, agency = topic.Agency, report.State, report.Recorder, report.Files,
                        report.Done, report.Errors, report.Message, reported = report.Time?.ToUnixTimeMilliseconds(), at = receivedAt.ToUnixTimeMilliseconds(),
                    },
                    transaction, cancellationToken: cancellationToken));
                await SeenAsync(connection, transaction, topic, seenAt, cancellationToken);
                if (RecorderSightings.FromSlot(report, seenAt) is { } at)
                {
                    await RecorderSightings.RecordAsync(connection, transaction, topic, report.Recorder!, at, cancellationToken);
                }
            },
            cancellationToken);

    /// <summary>Records the event (an alert is appended unless its key was seen); false for a duplicate alert.</summary>
    public Task<bool> ApplyEventAsync(FleetTopic topic, DockEventReport report, DateTimeOffset receivedAt, DateTimeOffset? seenAt, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var added = !report.IsAlert || await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO fleet_alerts (id, agency_code, dock_id, event_key, kind, occurred_at, received_at, slot, recorder, file, message, missing_from, missing_to)
                    VALUES (@id, @agency, @dock, @Key, @Kind, @occurred, @at, @slot, @Recorder, @File, @Message, @MissingFrom, @MissingTo)
                    ON CONFLICT (dock_id, event_key) DO NOTHING
                    """,
                    new
                    {
                        id = Guid.CreateVersion7().ToString("n"), agency = topic.Agency, dock = topic.Dock, report.Key, report.Kind,
                        occurred = report.Time.ToUnixTimeMilliseconds(), at = receivedAt.ToUnixTimeMilliseconds(), slot = (long?)report.Slot,
                        report.Recorder, report.File, report.Message, report.MissingFrom, report.MissingTo,
                    },
                    transaction, cancellationToken: cancellationToken)) == 1;
                if (report.IsAlert && added)
                {
                    await AlertOpenCounts.AddedAsync(connection, transaction, topic.Agency, cancellationToken);
                }

                await SeenAsync(connection, transaction, topic, seenAt, cancellationToken);
                if (RecorderSightings.FromEvent(report, receivedAt) is { } at)
                {
                    await RecorderSightings.RecordAsync(connection, transaction, topic, report.Recorder!, at, cancellationToken);
                }

                return added;
            },
            cancellationToken);

    private static async Task SeenAsync(DbConnection connection, DbTransaction transaction, FleetTopic topic, DateTimeOffset? seenAt, CancellationToken cancellationToken)
    {
        if (seenAt is not { } seen)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE docks SET last_seen_at = @at WHERE id = @dock AND (last_seen_at IS NULL OR last_seen_at < @at)",
            new { at = seen.ToUnixTimeMilliseconds(), dock = topic.Dock }, transaction, cancellationToken: cancellationToken));
    }
}
