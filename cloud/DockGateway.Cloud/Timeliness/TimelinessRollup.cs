using System.Data;
using System.Text;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Timeliness;

/// <summary>
/// The per-day rollups of docking timeliness (<c>timeliness_days</c> per agency, migration 0501; across agencies
/// <c>timeliness_day_stripes</c>, migration 0750: <see cref="Stripes"/> rows per day, the all-agency figures being their
/// sum), moved by the footage indexer in the custody entries' transaction for every recording it indexes. A transaction
/// moves its agency's rows and its agency's <see cref="Stripe"/>, so agencies of different stripes never wait on one
/// another's open transaction; rows are upserted in key order (agency rows by day, then the stripe rows by day), so two
/// transactions never wait on each other's rows in opposite orders. <see cref="RebuildAsync"/> recomputes them after a
/// bulk load that bypassed the indexer; <see cref="FindDriftAsync"/> lists the days whose rollup disagrees with the
/// footage index (none, normally).
/// </summary>
public static class TimelinessRollup
{
    public const long DayMs = 86_400_000;
    public const long OffsetMs = 8 * 3_600_000;

    /// <summary>Rows per day of the all-agency figures (the CHECK of migration 0750).</summary>
    public const int Stripes = 16;

    // The same day as Day() and migration 0501: 28 800 000 = OffsetMs, 86 400 000 = DayMs.
    private const string Recomputed = """
        SELECT agency_code AS AgencyCode, (recorded_end + 28800000) / 86400000 AS Day, COUNT(*) AS Recordings,
            CAST(SUM(CASE WHEN ingested_at - recorded_end <= 86400000 THEN 1 ELSE 0 END) AS BIGINT) AS WithinDay
        FROM footage GROUP BY agency_code, (recorded_end + 28800000) / 86400000
        """;

    /// <summary>The rollup day of a recording that ended at <paramref name="recordedEndMs"/>: days since 1970-01-01 on the UTC+8 clock.</summary>
    public static long Day(long recordedEndMs) => (recordedEndMs + OffsetMs) / DayMs;

    /// <summary>The stripe of the all-agency figures an agency's recordings are counted in: FNV-1a (32 bits) of its code's UTF-8, mod <see cref="Stripes"/>.</summary>
    public static int Stripe(string agencyCode)
    {
        var hash = 2_166_136_261u;
        foreach (var b in Encoding.UTF8.GetBytes(agencyCode))
        {
            hash = unchecked((hash ^ b) * 16_777_619u);
        }

        return (int)(hash % Stripes);
    }

    /// <summary>Counts <paramref name="recordings"/> (recorded end, ingested at; Unix ms) of <paramref name="agencyCode"/> in.</summary>
    public static async Task AddAsync(IDbConnection connection, IDbTransaction transaction, string agencyCode, IEnumerable<(long RecordedEnd, long IngestedAt)> recordings)
    {
        var days = recordings
            .GroupBy(r => Day(r.RecordedEnd))
            .Select(g => new { agencyCode, stripe = Stripe(agencyCode), day = g.Key, recordings = (long)g.Count(), within = (long)g.Count(r => r.IngestedAt - r.RecordedEnd <= DayMs) })
            .OrderBy(d => d.day).ToList();
        foreach (var day in days)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO timeliness_days (agency_code, day_utc8, recordings, within_day) VALUES (@agencyCode, @day, @recordings, @within)
                ON CONFLICT (agency_code, day_utc8) DO UPDATE SET recordings = timeliness_days.recordings + excluded.recordings,
                    within_day = timeliness_days.within_day + excluded.within_day
                """, day, transaction);
        }

        foreach (var day in days)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO timeliness_day_stripes (day_utc8, stripe, recordings, within_day) VALUES (@day, @stripe, @recordings, @within)
                ON CONFLICT (day_utc8, stripe) DO UPDATE SET recordings = timeliness_day_stripes.recordings + excluded.recordings,
                    within_day = timeliness_day_stripes.within_day + excluded.within_day
                """, day, transaction);
        }
    }

    /// <summary>
    /// Recounts the rollups from the footage index. A day's all-agency figures go to stripe 0 (which stripe holds a count
    /// matters to no reader, only the day's sum does; later indexing adds to its agency's stripe).
    /// </summary>
    public static Task RebuildAsync(ICloudDatabase database, CancellationToken cancellationToken) =>
        database.ExecuteInOneTransactionAsync(
            cancellationToken,
            "DELETE FROM timeliness_day_stripes",
            "DELETE FROM timeliness_days",
            $"INSERT INTO timeliness_days (agency_code, day_utc8, recordings, within_day) SELECT * FROM ({Recomputed}) c",
            "INSERT INTO timeliness_day_stripes (day_utc8, stripe, recordings, within_day) "
            + "SELECT day_utc8, 0, SUM(recordings), SUM(within_day) FROM timeliness_days GROUP BY day_utc8");

    /// <summary>"agency/day" (or "*/day" for the all-agency rollup, its stripes summed) wherever the rollup differs from a recount of the footage index.</summary>
    public static async Task<IReadOnlyList<string>> FindDriftAsync(ICloudDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var recounted = (await connection.QueryAsync<(string Agency, long Day, long Recordings, long WithinDay)>(new CommandDefinition(
            Recomputed, cancellationToken: cancellationToken))).ToList();
        var stored = (await connection.QueryAsync<(string Agency, long Day, long Recordings, long WithinDay)>(new CommandDefinition(
            """
            SELECT agency_code, day_utc8, recordings, within_day FROM timeliness_days UNION ALL
            SELECT '*', day_utc8, CAST(SUM(recordings) AS BIGINT), CAST(SUM(within_day) AS BIGINT) FROM timeliness_day_stripes GROUP BY day_utc8
            """,
            cancellationToken: cancellationToken))).ToList();
        var expected = recounted.Concat(recounted.GroupBy(r => r.Day).Select(g => (Agency: "*", Day: g.Key, Recordings: g.Sum(r => r.Recordings), WithinDay: g.Sum(r => r.WithinDay))))
            .Where(r => r.Recordings > 0).ToDictionary(r => $"{r.Agency}/{r.Day}", r => (r.Recordings, r.WithinDay), StringComparer.Ordinal);
        var actual = stored.Where(r => r.Recordings > 0).ToDictionary(r => $"{r.Agency}/{r.Day}", r => (r.Recordings, r.WithinDay), StringComparer.Ordinal);
        return expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal).ToList();
    }
}
