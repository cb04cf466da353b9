using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The per-agency counters in <c>alert_open_counts</c> (migration 0500): moved in the transaction that stores an alert
/// (+1) or its acknowledgement (-1), so <see cref="AlertQuery.OpenCountsAsync"/> reads counters instead of anti-joining
/// every alert. <see cref="RebuildAsync"/> recounts after a bulk load that bypassed the store; <see cref="FindDriftAsync"/>
/// lists agencies whose counter disagrees with the rows (none, normally).
/// </summary>
public static class AlertOpenCounts
{
    private const string Recounted = """
        SELECT a.agency_code AS AgencyCode, COUNT(*) AS Open FROM fleet_alerts a
        WHERE NOT EXISTS (SELECT 1 FROM fleet_alert_acknowledgements k WHERE k.alert_id = a.id) GROUP BY a.agency_code
        """;

    /// <summary>One more open alert for <paramref name="agencyCode"/>.</summary>
    public static Task AddedAsync(DbConnection connection, DbTransaction transaction, string agencyCode, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO alert_open_counts (agency_code, open_alerts) VALUES (@agencyCode, 1)
            ON CONFLICT (agency_code) DO UPDATE SET open_alerts = alert_open_counts.open_alerts + 1
            """,
            new { agencyCode }, transaction, cancellationToken: cancellationToken));

    /// <summary>One open alert fewer for the agency of alert <paramref name="alertId"/> (just acknowledged).</summary>
    public static Task AcknowledgedAsync(DbConnection connection, DbTransaction transaction, string alertId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_open_counts SET open_alerts = open_alerts - 1 WHERE agency_code = (SELECT agency_code FROM fleet_alerts WHERE id = @alertId)",
            new { alertId }, transaction, cancellationToken: cancellationToken));

    public static Task RebuildAsync(ICloudDatabase database, CancellationToken cancellationToken) =>
        database.ExecuteInOneTransactionAsync(
            cancellationToken,
            "DELETE FROM alert_open_counts",
            $"INSERT INTO alert_open_counts (agency_code, open_alerts) SELECT * FROM ({Recounted}) c");

    /// <summary>Agency codes whose counter differs from a recount (an agency without open alerts may have no row or a 0).</summary>
    public static async Task<IReadOnlyList<string>> FindDriftAsync(ICloudDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT a.code FROM agencies a
            LEFT JOIN ({Recounted}) c ON c.AgencyCode = a.code
            LEFT JOIN alert_open_counts s ON s.agency_code = a.code
            WHERE COALESCE(c.Open, 0) <> COALESCE(s.open_alerts, 0)
            ORDER BY a.code
            """, cancellationToken: cancellationToken))).ToList();
    }
}
