using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Timeliness;

/// <summary>
/// Docking timeliness from the footage index, aggregated on the server: per day of recorded end (UTC+8, the agencies'
/// clock; China has one time zone and no daylight saving) the recordings ingested so far and those ingested within 24 h
/// of their end. Only ingested recordings are in the index, so the latest day's share can still fall as late ones dock.
/// Read from the per-day rollups of <see cref="TimelinessRollup"/> (at most 30 rows per agency, or 30 x 16 stripes in all), not the footage rows.
/// </summary>
public sealed class TimelinessQuery(ICloudDatabase database, TimeProvider time)
{
    public const string TimeZone = "UTC+08:00";
    private static readonly TimeSpan s_offset = TimeSpan.FromHours(8);

    public async Task<TimelinessReport> ReportAsync(IReadOnlyCollection<string>? agencyCodes, string? agency, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(s_offset).DateTime);
        var first = today.AddDays(1 - days);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), s_offset).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), s_offset).ToUnixTimeMilliseconds();
        var firstDay = TimelinessRollup.Day(from);
        var lastDay = TimelinessRollup.Day(to) - 1;
        var sql = agencyCodes is null
            ? """
                SELECT day_utc8, CAST(SUM(recordings) AS BIGINT), CAST(SUM(within_day) AS BIGINT) FROM timeliness_day_stripes
                WHERE day_utc8 >= @firstDay AND day_utc8 <= @lastDay GROUP BY day_utc8
                """
            : $"""
                SELECT day_utc8, CAST(SUM(recordings) AS BIGINT), CAST(SUM(within_day) AS BIGINT) FROM timeliness_days
                WHERE {(agencyCodes.Count == 1 ? "agency_code = @code" : database.AnyOf("agency_code", "codes"))} AND day_utc8 >= @firstDay AND day_utc8 <= @lastDay
                GROUP BY day_utc8
                """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Day, long Recordings, long WithinDay)>(new CommandDefinition(
            sql, new { firstDay, lastDay, code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [] },
            cancellationToken: cancellationToken))).Where(r => r.Recordings > 0).ToDictionary(r => r.Day - firstDay);
        var list = Enumerable.Range(0, days).Select(i => rows.TryGetValue(i, out var r)
            ? new TimelinessDay(first.AddDays(i), r.Recordings, r.WithinDay, (double)r.WithinDay / r.Recordings)
            : new TimelinessDay(first.AddDays(i), 0, 0, null)).ToList();
        var total = list.Sum(d => d.Recordings);
        var within = list.Sum(d => d.WithinDay);
        return new TimelinessReport(agency, first, today, TimeZone, list, total, within, total == 0 ? null : (double)within / total, now);
    }
}
