using System.Net;
using System.Text;
using System.Text.Json;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

public abstract class OverdueEndpointTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task A_recorder_is_seen_docked_by_its_own_agencys_docks_forward_only_and_never_later_than_the_cloud_clock()
    {
        var code = await Host.CreateAgencyAsync();
        var other = await Host.CreateAgencyAsync();
        var (dock, foreign) = (await Host.EnrolDockAsync(code), await Host.EnrolDockAsync(other));
        var serial = $"{code}-R";
        await Host.AddRecorderAsync(code, serial);
        var now = Host.Time.GetUtcNow();

        await Host.DockedAsync(other, foreign, serial, now - TimeSpan.FromHours(1));
        await Host.DockedAsync(code, dock, serial, now - TimeSpan.FromHours(1), kind: "uploaded");
        await Host.SlotAsync(code, dock, serial, "empty");
        Assert.Null((await RecorderAsync(serial)).LastDockedAt);

        await Host.DockedAsync(code, dock, serial, now - TimeSpan.FromHours(2));
        Assert.Equal((Ms(now - TimeSpan.FromHours(2)), dock), await LastDockAsync(serial));

        var second = await Host.EnrolDockAsync(code);
        await Host.DockedAsync(code, second, serial, now - TimeSpan.FromHours(5), kind: "ingested");
        Assert.Equal((Ms(now - TimeSpan.FromHours(2)), dock), await LastDockAsync(serial));

        await Host.DockedAsync(code, second, serial, now + TimeSpan.FromHours(3));
        Assert.Equal((Ms(now), second), await LastDockAsync(serial));

        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await Host.SlotAsync(code, dock, serial, "ingesting");
        Assert.Equal((Ms(Host.Time.GetUtcNow()), dock), await LastDockAsync(serial));
    }

    [VariantFact]
    public async Task The_overdue_list_names_officer_last_dock_and_hours_away_longest_first_in_pages()
    {
        var code = await Host.CreateAgencyAsync();
        var (dock, seventh) = (await Host.EnrolDockAsync(code), await Host.EnrolDockAsync(code));
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PostJsonAsync($"/api/v1/agencies/{code}/officers", new { badgeNumber = "B-1", name = "张伟" })).OkJsonAsync(HttpStatusCode.Created);
        await Host.AddRecorderAsync(code, $"{code}-LONG", assignedBadge: "B-1");
        await Host.AddRecorderAsync(code, $"{code}-NEVER");
        await Host.AddRecorderAsync(code, $"{code}-RECENT");
        await Host.AddRecorderAsync(code, $"{code}-REPAIR", "repair");
        var t0 = Host.Time.GetUtcNow();
        await Host.DockedAsync(code, seventh, $"{code}-LONG", t0 - TimeSpan.FromHours(30));
        await Host.DockedAsync(code, dock, $"{code}-RECENT", t0 - TimeSpan.FromHours(1));
        await Host.DockedAsync(code, dock, $"{code}-REPAIR", t0 - TimeSpan.FromHours(50));

        var page = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}")).OkJsonAsync();
        var only = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal($"{code}-LONG", only.GetProperty("serial").GetString());
        Assert.Equal("张伟", only.GetProperty("officerName").GetString());
        Assert.Equal("B-1", only.GetProperty("assignedBadge").GetString());
        Assert.Equal(seventh, only.GetProperty("lastDockId").GetString());
        Assert.Equal(30, only.GetProperty("hoursAway").GetInt64());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);

        Host.Time.Advance(TimeSpan.FromHours(25));
        var first = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}&limit=2")).OkJsonAsync();
        Assert.Equal([$"{code}-LONG", $"{code}-RECENT"], Serials(first));
        var next = first.GetProperty("next").GetString()!;
        var second = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}&limit=2&after={Uri.EscapeDataString(next)}")).OkJsonAsync();
        var never = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal($"{code}-NEVER", never.GetProperty("serial").GetString());
        Assert.Equal(JsonValueKind.Null, never.GetProperty("lastDockedAt").ValueKind);
        Assert.Equal(25, never.GetProperty("hoursAway").GetInt64());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        await Host.DockedAsync(code, dock, $"{code}-LONG", Host.Time.GetUtcNow());
        var after = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}")).OkJsonAsync();
        Assert.Equal([$"{code}-RECENT", $"{code}-NEVER"], Serials(after));
    }

    [VariantFact]
    public async Task The_overdue_csv_starts_with_a_byte_order_mark_keeps_chinese_names_and_is_access_logged()
    {
        var code = await Host.CreateAgencyAsync();
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PostJsonAsync($"/api/v1/agencies/{code}/officers", new { badgeNumber = "B-9", name = "=李娜" })).OkJsonAsync(HttpStatusCode.Created);
        await Host.AddRecorderAsync(code, $"{code}-CSV", assignedBadge: "B-9");
        var dock = await Host.EnrolDockAsync(code);
        await Host.DockedAsync(code, dock, $"{code}-CSV", Host.Time.GetUtcNow() - TimeSpan.FromHours(48));

        var lines = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}&format=csv")).CsvLinesAsync();
        Assert.Equal(DockGateway.Cloud.Ratios.OverdueCsv.Table.Header, lines[0]);
        Assert.StartsWith($"{code}-CSV,{code},Acme,BW-1,B-9,'=李娜,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",{dock}," + lines[1].Split(',')[6] + ",48", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        var log = await (await admin.GetAsync("/api/v1/access-log?action=export.overdue")).OkJsonAsync();
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("agencyCode").GetString() == code);
    }

    [VariantFact]
    public async Task Bad_paging_or_format_values_are_refused_naming_the_field_and_agencies_out_of_scope_are_not_found()
    {
        var code = await Host.CreateAgencyAsync();
        var other = await Host.CreateAgencyAsync();
        await Host.AddRecorderAsync(other, $"{other}-HIDDEN");
        Host.Time.Advance(TimeSpan.FromHours(25));
        using var admin = Host.Client(Host.AdminToken);
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=1001", "limit"), ("limit=x", "limit"), ("after=%%%", "after"), ("after=bm90LWEtY3Vyc29y", "after"), ("format=xml", "format") })
        {
            var problem = await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={code}&{query}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal([field], problem.ErrorFields());
        }

        await (await admin.GetAsync("/api/v1/recorders/overdue?agency=NO-SUCH-AGENCY")).ProblemAsync(HttpStatusCode.NotFound);
        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", code));
        await (await manager.GetAsync($"/api/v1/recorders/overdue?agency={other}")).ProblemAsync(HttpStatusCode.NotFound);
        var mine = await (await manager.GetAsync("/api/v1/recorders/overdue?limit=1000")).OkJsonAsync();
        Assert.All(mine.GetProperty("items").EnumerateArray(), r => Assert.Equal(code, r.GetProperty("agencyCode").GetString()));
        Assert.Contains(Serials(await (await admin.GetAsync($"/api/v1/recorders/overdue?agency={other}")).OkJsonAsync()), s => s == $"{other}-HIDDEN");
    }

    private static string[] Serials(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serial").GetString()!).ToArray();

    private async Task<Recorder> RecorderAsync(string serial) =>
        (await Host.Services.GetRequiredService<RecorderStore>().FindAsync(serial, CancellationToken.None))!;

    /// <summary>(last docked in Unix milliseconds, as stored; last dock).</summary>
    private async Task<(long?, string?)> LastDockAsync(string serial)
    {
        var recorder = await RecorderAsync(serial);
        return (recorder.LastDockedAt?.ToUnixTimeMilliseconds(), recorder.LastDockId);
    }

    private static long? Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
}

public sealed class OverdueEndpointTestsOnSqlite(SqliteHostFixture fixture) : OverdueEndpointTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class OverdueEndpointTestsOnPostgres(PostgresHostFixture fixture) : OverdueEndpointTests(fixture), IClassFixture<PostgresHostFixture>;
