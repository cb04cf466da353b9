using System.Data.Common;
using Dapper;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// When a dock last had a recorder in a slot, from what the dock reports: an <c>inserted</c> or
/// <c>ingested</c> event (at the event's time, never later than its arrival: a dock clock running ahead
/// cannot hide an overdue recorder) or a slot report naming the recorder in any state but <c>empty</c>
/// (at the time the report shows the dock alive). Only a recorder registered to the dock's own agency is
/// moved, and only forward; a recorder of another agency stays as it was (the dock raises
/// <c>unregistered</c> for it). Uploads are not sightings: they may leave the dock hours after the recorder.
/// </summary>
public static class RecorderSightings
{
    /// <summary>The event kinds that put a recorder in a slot.</summary>
    public static IReadOnlySet<string> DockedKinds { get; } = new HashSet<string>(["inserted", "ingested"], StringComparer.Ordinal);

    public static DateTimeOffset? FromEvent(DockEventReport report, DateTimeOffset receivedAt) =>
        report.Recorder is not null && DockedKinds.Contains(report.Kind) ? (report.Time < receivedAt ? report.Time : receivedAt) : null;

    public static DateTimeOffset? FromSlot(SlotReport report, DateTimeOffset? seenAt) =>
        report.Recorder is not null && report.State != "empty" ? seenAt : null;

    public static Task RecordAsync(
        DbConnection connection, DbTransaction? transaction, FleetTopic topic, string serial, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE recorders SET last_docked_at = @at, last_dock_id = @dock
            WHERE serial = @serial AND agency_code = @agency AND (last_docked_at IS NULL OR last_docked_at < @at)
            """,
            new { at = at.ToUnixTimeMilliseconds(), dock = topic.Dock, serial, agency = topic.Agency },
            transaction, cancellationToken: cancellationToken));
}
