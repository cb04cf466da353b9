using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// The per-agency counters and required minimum in <c>agency_equipment</c>. Triggers keep them exact on every insert,
/// update and delete; <see cref="RebuildAsync"/> recomputes them after a bulk load that bypassed triggers, and
/// <see cref="FindDriftAsync"/> lists agencies whose counters disagree with the rows (none, normally).
/// </summary>
public static class EquipmentCounts
{
    private const string Recomputed = $"""
        SELECT a.code AS AgencyCode, COALESCE(o.n, 0) AS OfficersRegistered, COALESCE(r.total, 0) AS RecordersTotal,
               COALESCE(r.in_service, 0) AS RecordersInService, {RatioSql.Required} AS RequiredRecorders
        FROM agencies a
        LEFT JOIN (SELECT agency_code, COUNT(*) AS n FROM officers GROUP BY agency_code) o ON o.agency_code = a.code
        LEFT JOIN (SELECT agency_code, COUNT(*) AS total, SUM(CASE WHEN status = 'in-service' THEN 1 ELSE 0 END) AS in_service
                   FROM recorders GROUP BY agency_code) r ON r.agency_code = a.code
        """;

    public static Task RebuildAsync(ICloudDatabase database, CancellationToken cancellationToken) =>
        database.ExecuteInOneTransactionAsync(
            cancellationToken,
            "DELETE FROM agency_equipment",
            "INSERT INTO agency_equipment (agency_code, officers_registered, recorders_total, recorders_in_service, required_recorders) "
            + $"SELECT * FROM ({Recomputed}) c");

    /// <summary>Agency codes whose stored counters differ from a recount.</summary>
    public static async Task<IReadOnlyList<string>> FindDriftAsync(ICloudDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT c.AgencyCode FROM ({Recomputed}) c
            LEFT JOIN agency_equipment e ON e.agency_code = c.AgencyCode
            WHERE e.agency_code IS NULL OR e.officers_registered <> c.OfficersRegistered
               OR e.recorders_total <> c.RecordersTotal OR e.recorders_in_service <> c.RecordersInService
               OR e.required_recorders <> c.RequiredRecorders
            ORDER BY c.AgencyCode
            """, cancellationToken: cancellationToken))).ToList();
    }
}
