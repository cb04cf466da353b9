using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Sums the ratios of every agency in scope in the database: one pass over the narrow counter table (required minimum,
/// in service and shortfall kept per agency, migration 0550), and one count of overdue recorders (for every agency a
/// range of the partial index <c>ix_recorders_overdue</c>, migration 0004; for some, per-agency index ranges): no
/// grouping of recorders by agency, nothing to spill.
/// </summary>
public sealed class RatioSummaryQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    public async Task<RatioSummary> SummaryAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (agencies, recorders) = agencyCodes switch
        {
            null => (string.Empty, string.Empty),
            { Count: 1 } => ("WHERE e.agency_code = @code", "AND r.agency_code = @code"),
            _ => ("WHERE " + database.AnyOf("e.agency_code", "codes"), "AND " + database.AnyOf("r.agency_code", "codes")),
        };
        var args = new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [],
            cutoff = (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds(),
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Postgres)
        {
            // Both statements are one pass over a narrow table or an index range (tens of milliseconds): starting parallel
            // workers costs more than it saves, and on a busy server waiting for them to be scheduled costs most (measured).
            await connection.ExecuteAsync(new CommandDefinition("SET LOCAL max_parallel_workers_per_gather = 0", transaction: transaction, cancellationToken: cancellationToken));
        }

        var summary = await connection.QuerySingleAsync<RatioSummary>(new CommandDefinition(
            $"""
            SELECT COUNT(*) AS Agencies,
                   CAST(COALESCE(SUM(CASE WHEN e.shortfall = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS CompliantAgencies,
                   CAST(COALESCE(SUM(CASE WHEN e.shortfall > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS ShortAgencies,
                   CAST(COALESCE(SUM(e.shortfall), 0) AS BIGINT) AS Shortfall,
                   CAST(COALESCE(SUM(e.required_recorders), 0) AS BIGINT) AS RecordersRequired,
                   CAST(COALESCE(SUM(e.recorders_in_service), 0) AS BIGINT) AS RecordersInService
            FROM agency_equipment e {agencies}
            """, args, transaction, cancellationToken: cancellationToken));
        var overdue = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM recorders r WHERE r.status = 'in-service' AND COALESCE(r.last_docked_at, r.issued_at) < @cutoff {recorders}",
            args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return summary with { RecordersOverdue = overdue, ComputedAt = now };
    }
}
