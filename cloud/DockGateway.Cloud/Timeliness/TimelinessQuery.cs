using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Timeliness;

/// <summary>
/// Docking timeliness from the footage index, aggregated on the server: per day of recorded end (UTC+8, the agencies'
/// clock; China has one time zone and no daylight saving) the recordings ingested so far and those ingested within 24 h
/// of their end. Only ingested recordings are in the index, so the latest day's share can still fall as late ones dock.
/// </summary>
public sealed class TimelinessQuery(ICloudDatabase database, TimeProvider time)
{
    public const string TimeZone = "UTC+08:00";
    private const long DayMs = 86_400_000;
    private static readonly TimeSpan s_offset = TimeSpan.FromHours(8);

    public async Task<TimelinessReport> ReportAsync(IReadOnlyCollection<string>? agencyCodes, string? agency, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(s_offset).DateTime);
        var first = today.AddDays(1 - days);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), s_offset).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), s_offset).ToUnixTimeMilliseconds();
        var scope = agencyCodes is null ? string.Empty
            : agencyCodes.Count == 1 ? "AND agency_code = @code" : "AND " + database.AnyOf("agency_code", "codes");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // recorded_start bounds the index range scan; a recording that ended in the window started at most a day before it.
        var rows = (await connection.QueryAsync<(long Day, long Recordings, long WithinDay)>(new CommandDefinition(
            $"""
            SELECT (recorded_end - @from) / {DayMs} AS day, COUNT(*) AS recordings,
                CAST(SUM(CASE WHEN ingested_at - recorded_end <= {DayMs} THEN 1 ELSE 0 END) AS BIGINT) AS within_day
            FROM footage
            WHERE recorded_start >= @startBound AND recorded_start < @to AND recorded_end >= @from AND recorded_end < @to {scope}
            GROUP BY (recorded_end - @from) / {DayMs}
            """,
            new { from, to, startBound = from - DayMs, code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [] },
            cancellationToken: cancellationToken))).ToDictionary(r => r.Day);
        var list = Enumerable.Range(0, days).Select(i => rows.TryGetValue(i, out var r)
            ? new TimelinessDay(first.AddDays(i), r.Recordings, r.WithinDay, (double)r.WithinDay / r.Recordings)
            : new TimelinessDay(first.AddDays(i), 0, 0, null)).ToList();
        var total = list.Sum(d => d.Recordings);
        var within = list.Sum(d => d.WithinDay);
        return new TimelinessReport(agency, first, today, TimeZone, list, total, within, total == 0 ? null : (double)within / total, now);
    }
}
