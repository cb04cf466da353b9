using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Computes equipment ratios set-based in one statement: agencies joined to their trigger-maintained
/// counters (<c>agency_equipment</c>, migration 0004) and to one GROUP BY over the overdue in-service
/// recorders only (read through the partial index <c>ix_recorders_overdue</c>). No per-agency queries.
/// </summary>
public sealed class RatioQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    private const string Sql = """
        SELECT a.code AS Code, a.name AS Name, a.class AS Class, a.officer_count AS OfficerCount,
               a.class_c_minimum AS ClassCMinimum, a.legal_review_staff AS LegalReviewStaff,
               COALESCE(e.officers_registered, 0) AS RegisteredOfficers, COALESCE(e.recorders_total, 0) AS RecordersTotal,
               COALESCE(e.recorders_in_service, 0) AS RecordersInService, COALESCE(o.overdue, 0) AS RecordersOverdue
        FROM agencies a
        LEFT JOIN agency_equipment e ON e.agency_code = a.code
        LEFT JOIN (
            SELECT agency_code, COUNT(*) AS overdue
            FROM recorders
            WHERE status = 'in-service' AND COALESCE(last_docked_at, issued_at) < @cutoff /*inner*/
            GROUP BY agency_code) o ON o.agency_code = a.code
        /*outer*/
        ORDER BY a.code
        """;

    private static readonly string s_all = Filtered(string.Empty, string.Empty);
    private static readonly string s_one = Filtered("AND agency_code = @code", "WHERE a.code = @code");
    private readonly string _some = Filtered("AND " + database.AnyOf("agency_code", "codes"), "WHERE " + database.AnyOf("a.code", "codes"));

    /// <summary>Ratios for the given agencies (null = all), in code order.</summary>
    public async Task<IReadOnlyList<EquipmentRatio>> ComputeAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value.Ratios;
        var sql = agencyCodes switch
        {
            null => s_all,
            { Count: 1 } => s_one,
            _ => _some,
        };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var share = (decimal)settings.LegalReviewShare;
        var ratios = await connection.QueryAsync<Agency, RatioCounts, EquipmentRatio>(
            new CommandDefinition(
                sql,
                new { cutoff = now - settings.OverdueAfter, codes = agencyCodes?.ToArray() ?? [], code = agencyCodes?.FirstOrDefault() },
                cancellationToken: cancellationToken),
            (agency, counts) => EquipmentRatio.From(agency, counts, share, now),
            splitOn: nameof(RatioCounts.RegisteredOfficers));
        return ratios.ToList();
    }

    private static string Filtered(string inner, string outer) =>
        Sql.Replace("/*inner*/", inner, StringComparison.Ordinal).Replace("/*outer*/", outer, StringComparison.Ordinal);
}
