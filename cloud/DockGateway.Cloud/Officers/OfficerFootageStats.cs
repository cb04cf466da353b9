using System.Data;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// Each officer's last ingest in <c>officer_footage</c> (migration 0502), moved forward by the footage indexer in the
/// custody entries' transaction (rows upserted in badge order). <see cref="RebuildAsync"/> recomputes it after a bulk
/// load that bypassed the indexer; <see cref="FindDriftAsync"/> lists officers whose row disagrees with the footage index.
/// </summary>
public static class OfficerFootageStats
{
    private const string Recomputed =
        "SELECT agency_code AS AgencyCode, officer_badge AS Badge, MAX(ingested_at) AS LastIngest FROM footage WHERE officer_badge IS NOT NULL GROUP BY agency_code, officer_badge";

    /// <summary>Moves the last ingest of each badge of <paramref name="agencyCode"/> forward to the latest of <paramref name="ingests"/>.</summary>
    public static async Task AddAsync(IDbConnection connection, IDbTransaction transaction, string agencyCode, IEnumerable<(string Badge, long IngestedAt)> ingests)
    {
        foreach (var officer in ingests.GroupBy(i => i.Badge, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO officer_footage (agency_code, officer_badge, last_ingest_at) VALUES (@agencyCode, @badge, @at)
                ON CONFLICT (agency_code, officer_badge) DO UPDATE SET last_ingest_at =
                    CASE WHEN excluded.last_ingest_at > officer_footage.last_ingest_at THEN excluded.last_ingest_at ELSE officer_footage.last_ingest_at END
                """,
                new { agencyCode, badge = officer.Key, at = officer.Max(i => i.IngestedAt) }, transaction);
        }
    }

    public static Task RebuildAsync(ICloudDatabase database, CancellationToken cancellationToken) =>
        database.ExecuteInOneTransactionAsync(
            cancellationToken,
            "DELETE FROM officer_footage",
            $"INSERT INTO officer_footage (agency_code, officer_badge, last_ingest_at) SELECT * FROM ({Recomputed}) c");

    /// <summary>"agency/badge" wherever the stored last ingest differs from the footage index (or one of them is missing).</summary>
    public static async Task<IReadOnlyList<string>> FindDriftAsync(ICloudDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var expected = (await connection.QueryAsync<(string Agency, string Badge, long At)>(new CommandDefinition(Recomputed, cancellationToken: cancellationToken)))
            .ToDictionary(r => $"{r.Agency}/{r.Badge}", r => (long?)r.At, StringComparer.Ordinal);
        var actual = (await connection.QueryAsync<(string Agency, string Badge, long At)>(new CommandDefinition(
            "SELECT agency_code, officer_badge, last_ingest_at FROM officer_footage", cancellationToken: cancellationToken)))
            .ToDictionary(r => $"{r.Agency}/{r.Badge}", r => (long?)r.At, StringComparer.Ordinal);
        return expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal).ToList();
    }
}
