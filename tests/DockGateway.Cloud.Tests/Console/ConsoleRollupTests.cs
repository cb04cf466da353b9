using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Timeliness;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The console's rollups (open-alert counters, timeliness per UTC+8 day, officers' last ingest and the late-row index)
/// agree with a direct count of the rows they summarise, after alerts are stored (twice, too) and acknowledged (at once
/// from several requests) and after custody entries are posted through the real API on both sides of a UTC+8 midnight.
/// </summary>
public abstract class ConsoleRollupTests(CloudHostFixture fixture)
{
    private const string DirectOpen = """
        SELECT a.agency_code, COUNT(*) FROM fleet_alerts a LEFT JOIN fleet_alert_acknowledgements k ON k.alert_id = a.id
        WHERE k.alert_id IS NULL GROUP BY a.agency_code
        """;

    private CloudTestHost Host => fixture.Host;

    private ICloudDatabase Database => Host.Services.GetRequiredService<ICloudDatabase>();

    [VariantFact]
    public async Task Open_alert_counters_equal_a_direct_count_after_alerts_duplicates_and_concurrent_acknowledgements()
    {
        var (one, two) = (await TestDock.EnrolAsync(Host), await TestDock.EnrolAsync(Host));
        var store = Host.Services.GetRequiredService<FleetStore>();
        var now = Host.Time.GetUtcNow();
        async Task Event(TestDock dock, string key, string kind) => await store.ApplyEventAsync(new FleetTopic(dock.Agency, dock.DockId, FleetTopicKind.Events),
            new DockEventReport(key, kind, now, 1, "CAM-1", null, "m"), now, null, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await Event(one, $"a-{i}", i % 2 == 0 ? "late" : "gap");
        }

        await Event(one, "a-0", "late"); // delivered twice (QoS 1): one alert
        await Event(two, "b-0", "refused");
        await Event(two, "b-1", "inserted"); // not an alert

        var alerts = Host.Services.GetRequiredService<AlertQuery>();
        var ids = (await alerts.PageAsync([one.Agency], new AlertFilter { Limit = 100 }, CancellationToken.None)).Items.Select(a => a.Id).ToList();
        Assert.Equal(6, ids.Count);
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            alerts.AcknowledgeAsync(ids[0], "u", "n", $"at once {i}", now, CancellationToken.None)));
        Assert.Equal(1, acknowledged.Count(a => a));
        Assert.True(await alerts.AcknowledgeAsync(ids[1], "u", "n", "c", now, CancellationToken.None));

        var counted = (await alerts.OpenCountsAsync([one.Agency, two.Agency], CancellationToken.None)).ToDictionary(c => c.AgencyCode, c => c.Open);
        Assert.Equal(new Dictionary<string, long> { [one.Agency] = 4, [two.Agency] = 1 }, counted);
        Assert.Equal(await DirectAsync<string, long>(DirectOpen), (await alerts.OpenCountsAsync(null, CancellationToken.None)).ToDictionary(c => c.AgencyCode, c => c.Open));
        Assert.Empty(await AlertOpenCounts.FindDriftAsync(Database, CancellationToken.None));
    }

    [VariantFact]
    public async Task Timeliness_days_and_officer_figures_equal_a_direct_count_across_a_utc8_midnight()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        foreach (var badge in new[] { "B-1", "B-2", "B-3", "B-4", "B-5" })
        {
            await Host.AddOfficerAsync(dock.Agency, badge);
            await Host.AddRecorderAsync(dock.Agency, $"{dock.Agency}-{badge}", assignedBadge: badge);
        }

        await Host.AddRecorderAsync(dock.Agency, $"{dock.Agency}-X");
        var now = Host.Time.GetUtcNow();
        var offset = TimeSpan.FromHours(8);
        var midnight = new DateTimeOffset(DateOnly.FromDateTime(now.ToOffset(offset).DateTime).AddDays(-2).ToDateTime(TimeOnly.MinValue), offset);
        var day = TimeSpan.FromDays(1);
        var second = TimeSpan.FromSeconds(1); // recording times in custody entries are to the second
        (string Badge, DateTimeOffset End, TimeSpan Docked, bool Late)[] files =
        [
            ("B-1", midnight - second, day, false), // the UTC+8 day before midnight, docked exactly 24 h after its end: within
            ("B-1", midnight, day + second, true), // the day after, 1 s too late
            ("B-1", midnight + TimeSpan.FromHours(1), TimeSpan.FromHours(1), true),
            ("B-2", midnight + TimeSpan.FromHours(2), TimeSpan.FromHours(30), true),
            ("B-2", now - TimeSpan.FromDays(31), TimeSpan.FromDays(1), true), // late, but before the 30-day window
            ("B-3", now - TimeSpan.FromHours(5), TimeSpan.FromHours(1), false),
            ("B-4", now - TimeSpan.FromDays(40), TimeSpan.FromHours(1), true),
            ("X", midnight + TimeSpan.FromHours(3), TimeSpan.FromHours(1), true), // no officer
        ];
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dock, files.Select(f => (f.Badge, f.End, f.End + f.Docked, f.Late)).ToList())).StatusCode);

        var report = await Host.Services.GetRequiredService<TimelinessQuery>().ReportAsync([dock.Agency], dock.Agency, 30, CancellationToken.None);
        var before = report.Days.Single(d => d.Day == DateOnly.FromDateTime(midnight.AddDays(-1).DateTime));
        var after = report.Days.Single(d => d.Day == DateOnly.FromDateTime(midnight.DateTime));
        Assert.Equal((1L, 1L, 4L, 2L), (before.Recordings, before.WithinDay, after.Recordings, after.WithinDay));
        Assert.Equal(await DirectTimelinessAsync([dock.Agency]), report.Days.Select(d => (d.Day, d.Recordings, d.WithinDay)).ToList());
        var all = await Host.Services.GetRequiredService<TimelinessQuery>().ReportAsync(null, null, 30, CancellationToken.None);
        Assert.Equal(await DirectTimelinessAsync(null), all.Days.Select(d => (d.Day, d.Recordings, d.WithinDay)).ToList());
        Assert.Empty(await TimelinessRollup.FindDriftAsync(Database, CancellationToken.None));
        Assert.Empty(await OfficerFootageStats.FindDriftAsync(Database, CancellationToken.None));

        var direct = await DirectOfficersAsync(dock.Agency, now);
        Assert.Equal((3L, 2L, 1L, 0L), (direct["B-1"].Recordings, direct["B-1"].Late, direct["B-2"].Late, direct["B-4"].Late));
        var officers = Host.Services.GetRequiredService<OfficerListQuery>();
        foreach (var (late, sort) in new[] { (null, "badge"), (null, "-badge"), (null, "late"), (null, "-late"), (null, "lastIngest"), (null, "-lastIngest"), (null, "-name"), ("true", "-late"), ("true", "badge"), ("false", "-late"), ("false", "lastIngest") })
        {
            var expected = Ordered(direct.Values, late, sort).ToList();
            var listed = new List<string>();
            for (var page = 0; page < 5; page++)
            {
                var filter = OfficerFilter.Parse(null, late, sort, "2", (page * 2).ToString(CultureInfo.InvariantCulture), new FieldErrors());
                var items = (await officers.PageAsync([dock.Agency], filter, CancellationToken.None));
                Assert.Equal(expected.Count, items.Total);
                listed.AddRange(items.Items.Select(o => $"{o.BadgeNumber}:{o.LastIngestAt?.ToUnixTimeMilliseconds()}:{o.Recordings30Days}:{o.Late30Days}"));
            }

            Assert.True(expected.SequenceEqual(listed), $"late={late} sort={sort}: expected {string.Join(" ", expected)}, listed {string.Join(" ", listed)}");
        }
    }

    private static IEnumerable<string> Ordered(IEnumerable<DirectOfficer> officers, string? late, string sort)
    {
        var descending = sort.StartsWith('-');
        var chosen = officers.Where(o => late is null || (o.Late > 0) == (late == "true"));
        Func<DirectOfficer, string> key = sort.TrimStart('-') switch
        {
            "late" => o => $"{o.Late:D6}|{o.Badge}",
            "lastIngest" => o => $"{o.LastIngest ?? 0:D15}|{o.Badge}",
            "name" => o => $"Officer {o.Badge}|{o.Badge}",
            _ => o => o.Badge,
        };
        var ordered = descending ? chosen.OrderByDescending(key, StringComparer.Ordinal) : chosen.OrderBy(key, StringComparer.Ordinal);
        return ordered.Select(o => $"{o.Badge}:{o.LastIngest}:{o.Recordings}:{o.Late}");
    }

    /// <summary>The officer figures as the list computed them before the rollup: correlated subqueries over the footage rows.</summary>
    private async Task<Dictionary<string, DirectOfficer>> DirectOfficersAsync(string agency, DateTimeOffset now)
    {
        const string Mine = "f.agency_code = o.agency_code AND f.officer_badge = o.badge_number";
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<DirectOfficer>(
            $"""
            SELECT o.badge_number AS Badge, (SELECT MAX(f.ingested_at) FROM footage f WHERE {Mine}) AS LastIngest,
                (SELECT COUNT(*) FROM footage f WHERE {Mine} AND f.recorded_start >= @since) AS Recordings,
                (SELECT COUNT(*) FROM footage f WHERE {Mine} AND f.recorded_start >= @since AND f.late = 1) AS Late
            FROM officers o WHERE o.agency_code = @agency
            """, new { agency, since = (now - OfficerListQuery.Window).ToUnixTimeMilliseconds() })).ToDictionary(o => o.Badge);
    }

    /// <summary>Timeliness as it was computed before the rollup: the footage rows of the window grouped by UTC+8 day of recorded end.</summary>
    private async Task<List<(DateOnly, long, long)>> DirectTimelinessAsync(string[]? agencies)
    {
        var today = DateOnly.FromDateTime(Host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var first = today.AddDays(-29);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var rows = await DirectAsync<long, (long, long)>(
            $"""
            SELECT (recorded_end - {from}) / 86400000, COUNT(*), CAST(SUM(CASE WHEN ingested_at - recorded_end <= 86400000 THEN 1 ELSE 0 END) AS BIGINT)
            FROM footage WHERE recorded_end >= {from} AND recorded_end < {from + (30 * 86_400_000L)} {(agencies is null ? string.Empty : "AND " + Database.AnyOf("agency_code", "codes"))}
            GROUP BY (recorded_end - {from}) / 86400000
            """, new { codes = agencies ?? [] });
        return Enumerable.Range(0, 30).Select(i => rows.TryGetValue(i, out var r) ? (first.AddDays(i), r.Item1, r.Item2) : (first.AddDays(i), 0L, 0L)).ToList();
    }

    private async Task<Dictionary<TKey, TValue>> DirectAsync<TKey, TValue>(string sql, object? args = null)
        where TKey : notnull
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync(sql, args);
        return rows.Cast<IDictionary<string, object>>().Select(r => r.Values.ToArray()).ToDictionary(
            v => (TKey)Convert.ChangeType(v[0], typeof(TKey), CultureInfo.InvariantCulture),
            v => typeof(TValue) == typeof(long) ? (TValue)(object)Convert.ToInt64(v[1], CultureInfo.InvariantCulture)
                : (TValue)(object)(Convert.ToInt64(v[1], CultureInfo.InvariantCulture), Convert.ToInt64(v[2], CultureInfo.InvariantCulture)));
    }

    /// <summary>Posts one <c>ingested</c> entry per file (recorded 10 minutes up to its end, docked at the given time) with a signed checkpoint.</summary>
    private static async Task<HttpResponseMessage> PostAsync(TestDock dock, IReadOnlyList<(string Badge, DateTimeOffset End, DateTimeOffset Docked, bool Late)> files)
    {
        var entries = files.Select((f, i) => Encoding.UTF8.GetString(CustodyEntryCodec.Encode(new IngestedEntry(1, $"{dock.Agency}-{f.Badge}", "Acme", "BW-1",
            $"DCIM/{i:D4}.MP4", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), 4096,
            $"{f.Badge}/{i:D4}.MP4", f.End.AddMinutes(-10), f.End, "metadata", f.Late) { Dock = dock.DockId, Time = f.Docked }))).ToList();
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        var items = string.Join(",", entries.Select((e, i) => $"{{\"index\":{i},\"entry\":{e}}}"));
        var checkpoint = System.Text.Json.JsonSerializer.Serialize(dock.SignCheckpoint(entries.Count, log.RootHash()));
        return await dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dock.DockId}/entries"),
            Encoding.UTF8.GetBytes($"{{\"entries\":[{items}],\"checkpoint\":{checkpoint}}}"));
    }

    private sealed record DirectOfficer(string Badge, long? LastIngest, long Recordings, long Late);
}

public sealed class ConsoleRollupTestsOnSqlite(SqliteHostFixture fixture) : ConsoleRollupTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class ConsoleRollupTestsOnPostgres(PostgresHostFixture fixture) : ConsoleRollupTests(fixture), IClassFixture<PostgresHostFixture>;
