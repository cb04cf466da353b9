using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Sums the ratios of every agency in scope in the database: one pass over the agencies and their counters, and one
/// count of overdue recorders (for every agency a range of the partial index <c>ix_recorders_overdue</c>, migration
/// 0004; for some, ranges of <c>ix_recorders_agency_away</c>): no per-agency grouping of recorders, nothing to spill.
/// </summary>
public sealed class RatioSummaryQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    public async Task<RatioSummary> SummaryAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (agencies, recorders) = agencyCodes switch
        {
            null => (string.Empty, string.Empty),
            { Count: 1 } => ("WHERE a.code = @code", "AND r.agency_code = @code"),
            _ => ("WHERE " + database.AnyOf("a.code", "codes"), "AND " + database.AnyOf("r.agency_code", "codes")),
        };
        var args = new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [],
            cutoff = (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds(),
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var summary = await connection.QuerySingleAsync<RatioSummary>(new CommandDefinition(
            $"""
            SELECT COUNT(*) AS Agencies,
                   CAST(COALESCE(SUM(CASE WHEN s.Shortfall = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS CompliantAgencies,
                   CAST(COALESCE(SUM(CASE WHEN s.Shortfall > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS ShortAgencies,
                   CAST(COALESCE(SUM(s.Shortfall), 0) AS BIGINT) AS Shortfall,
                   CAST(COALESCE(SUM(s.Required), 0) AS BIGINT) AS RecordersRequired,
                   CAST(COALESCE(SUM(s.InService), 0) AS BIGINT) AS RecordersInService
            FROM (SELECT {RatioSql.Required} AS Required, {RatioSql.InService} AS InService, {RatioSql.Shortfall} AS Shortfall
                  FROM {RatioSql.From} {agencies}) s
            """, args, cancellationToken: cancellationToken));
        var overdue = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM recorders r WHERE r.status = 'in-service' AND COALESCE(r.last_docked_at, r.issued_at) < @cutoff {recorders}",
            args, cancellationToken: cancellationToken));
        return summary with { RecordersOverdue = overdue, ComputedAt = now };
    }
}
