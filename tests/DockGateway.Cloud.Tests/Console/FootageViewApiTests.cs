using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The console's views of the footage index: the officer list (recorders, last ingest, late recordings in 30 days;
/// filtered, sorted, paged, CSV) and docking timeliness per day, agency-scoped and access-logged.
/// </summary>
public abstract class FootageViewApiTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task The_officer_list_shows_recorders_last_ingest_and_late_recordings_filtered_sorted_paged_and_as_CSV()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        var sz = seed.Shenzhen;
        using var manager = Host.Client(seed.ManagerToken);
        async Task<string[]> Badges(string query) =>
            (await (await manager.GetAsync($"/api/v1/officers?agency={sz}&{query}")).OkJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(o => o.GetProperty("badgeNumber").GetString()!).ToArray();

        var all = await (await manager.GetAsync($"/api/v1/officers?agency={sz}")).OkJsonAsync();
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        var zhang = all.GetProperty("items")[0];
        Assert.Equal(("B-1", "张伟", 2L, 1L), (zhang.GetProperty("badgeNumber").GetString(), zhang.GetProperty("name").GetString(),
            zhang.GetProperty("recordings30Days").GetInt64(), zhang.GetProperty("late30Days").GetInt64()));
        Assert.Equal([$"{sz}-001"], zhang.GetProperty("recorders").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.NotEqual(JsonValueKind.Null, zhang.GetProperty("lastIngestAt").ValueKind);
        var li = all.GetProperty("items")[1];
        Assert.Equal((0L, JsonValueKind.Null), (li.GetProperty("late30Days").GetInt64(), li.GetProperty("lastIngestAt").ValueKind));

        Assert.Equal(["B-1"], await Badges("late=true"));
        Assert.Equal(["B-2"], await Badges("late=false"));
        Assert.Equal(["B-2"], await Badges("q=李"));
        Assert.Equal(["B-2"], await Badges("q=b-2"));
        Assert.Equal(["B-1", "B-2"], await Badges("sort=name"));
        Assert.Equal(["B-2", "B-1"], await Badges("sort=-name"));
        Assert.Equal(["B-1", "B-2"], await Badges("sort=-late"));
        Assert.Equal(["B-2"], await Badges("limit=1&after=1"));
        foreach (var (query, field) in new[] { ("late=maybe", "late"), ("sort=colour", "sort"), ("after=2", "after"), ("limit=1001", "limit"), ("format=pdf", "format") })
        {
            Assert.Equal([field], (await (await manager.GetAsync($"/api/v1/officers?agency={sz}&{query}")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var csv = await (await manager.GetAsync($"/api/v1/officers?agency={sz}&format=csv")).CsvLinesAsync();
        Assert.Equal("agency_code,badge_number,name,recorders,last_ingest_at,recordings_30_days,late_30_days", csv[0]);
        Assert.StartsWith($"{sz},B-1,张伟,{sz}-001,20", csv[1], StringComparison.Ordinal);
        Assert.EndsWith("Z,2,1", csv[1], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        Assert.True(await AccessLogCountAsync("footage.officers.read") >= 1);
        using var beijing = Host.Client(await Host.CreateTokenAsync("equipment-manager", seed.Beijing));
        await (await beijing.GetAsync($"/api/v1/officers?agency={sz}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [VariantFact]
    public async Task Docking_timeliness_is_the_share_ingested_within_24_hours_per_day_of_recorded_end_in_scope()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        using var manager = Host.Client(seed.ManagerToken);
        var report = await (await manager.GetAsync($"/api/v1/timeliness?agency={seed.Shenzhen}")).OkJsonAsync();
        Assert.Equal((2L, 1L, 0.5), (report.GetProperty("recordings").GetInt64(), report.GetProperty("withinDay").GetInt64(), report.GetProperty("share").GetDouble()));
        var days = report.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        var now = Host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(Day(now), days[^1].GetProperty("day").GetString());
        var timely = days.Single(d => d.GetProperty("day").GetString() == Day(now.AddHours(-2)));
        var late = days.Single(d => d.GetProperty("day").GetString() == Day(now.AddDays(-3)));
        Assert.Equal((1L, 1L, 1.0), (timely.GetProperty("recordings").GetInt64(), timely.GetProperty("withinDay").GetInt64(), timely.GetProperty("share").GetDouble()));
        Assert.Equal((1L, 0L, 0.0), (late.GetProperty("recordings").GetInt64(), late.GetProperty("withinDay").GetInt64(), late.GetProperty("share").GetDouble()));
        Assert.Equal(28, days.Count(d => d.GetProperty("share").ValueKind == JsonValueKind.Null));
        Assert.Equal(7, (await (await manager.GetAsync($"/api/v1/timeliness?agency={seed.Shenzhen}&days=7")).OkJsonAsync()).GetProperty("days").GetArrayLength());
        foreach (var days0 in new[] { "0", "91", "x" })
        {
            Assert.Equal(["days"], (await (await manager.GetAsync($"/api/v1/timeliness?days={days0}")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using var beijing = Host.Client(await Host.CreateTokenAsync("equipment-manager", seed.Beijing));
        Assert.Equal(0, (await (await beijing.GetAsync("/api/v1/timeliness")).OkJsonAsync()).GetProperty("recordings").GetInt64());
        await (await beijing.GetAsync($"/api/v1/timeliness?agency={seed.Shenzhen}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.True(await AccessLogCountAsync("footage.timeliness.read") >= 2);
    }

    private async Task<long> AccessLogCountAsync(string action)
    {
        await using var connection = await Host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM access_log WHERE action = @action", new { action });
    }
}

public sealed class FootageViewApiTestsOnSqlite(SqliteHostFixture fixture) : FootageViewApiTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class FootageViewApiTestsOnPostgres(PostgresHostFixture fixture) : FootageViewApiTests(fixture), IClassFixture<PostgresHostFixture>;
