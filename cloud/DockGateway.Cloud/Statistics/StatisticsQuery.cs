using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Statistics;

/// <summary>Equipment statistics per agency, set-based (one GROUP BY per table).</summary>
public sealed class StatisticsQuery(ICloudDatabase database)
{
    private const string Sql = """
        SELECT a.code AS AgencyCode, a.name AS AgencyName, a.class AS Class, a.officer_count AS Officers,
               COALESCE(e.officers_registered, 0) AS RegisteredOfficers,
               COALESCE(r.in_service, 0) AS RecordersInService, COALESCE(r.repair, 0) AS RecordersInRepair,
               COALESCE(r.retired, 0) AS RecordersRetired, COALESCE(r.assigned, 0) AS RecordersAssigned,
               COALESCE(d.docks, 0) AS Docks, COALESCE(d.slots, 0) AS DockSlots
        FROM agencies a
        LEFT JOIN agency_equipment e ON e.agency_code = a.code
        LEFT JOIN (
            SELECT agency_code,
                   SUM(CASE WHEN status = 'in-service' THEN 1 ELSE 0 END) AS in_service,
                   SUM(CASE WHEN status = 'repair' THEN 1 ELSE 0 END) AS repair,
                   SUM(CASE WHEN status = 'retired' THEN 1 ELSE 0 END) AS retired,
                   SUM(CASE WHEN assigned_badge IS NULL THEN 0 ELSE 1 END) AS assigned
            FROM recorders GROUP BY agency_code) r ON r.agency_code = a.code
        LEFT JOIN (SELECT agency_code, COUNT(*) AS docks, SUM(slots) AS slots FROM docks GROUP BY agency_code) d ON d.agency_code = a.code
        /*where*/
        ORDER BY a.code
        """;

    /// <summary>Statistics for the given agencies (null = all), in code order.</summary>
    public async Task<IReadOnlyList<EquipmentStatistics>> ComputeAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var sql = Sql.Replace("/*where*/", agencyCodes is null ? string.Empty : "WHERE " + database.AnyOf("a.code", "codes"), StringComparison.Ordinal);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<EquipmentStatistics>(new CommandDefinition(
            sql, new { codes = agencyCodes?.ToArray() ?? [] }, commandTimeout: 120, cancellationToken: cancellationToken))).ToList();
    }
}
