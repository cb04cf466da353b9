using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>The endpoints the console pages read: the recorder list, the cross-agency alert list and acknowledgement.</summary>
public abstract class ConsoleApiTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task The_recorder_list_filters_searches_sorts_and_pages_on_the_server()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        var sz = seed.Shenzhen;
        using var manager = Host.Client(seed.ManagerToken);
        async Task<string[]> Serials(string query) =>
            (await (await manager.GetAsync($"/api/v1/recorders?{query}")).OkJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(r => r.GetProperty("serial").GetString()!).ToArray();

        var all = await (await manager.GetAsync($"/api/v1/recorders?agency={sz}")).OkJsonAsync();
        Assert.Equal(4, all.GetProperty("total").GetInt64());
        var first = all.GetProperty("items")[0];
        Assert.Equal(("张伟", "B-1", false), (first.GetProperty("officerName").GetString(), first.GetProperty("assignedBadge").GetString(), first.GetProperty("overdue").GetBoolean()));
        Assert.Equal(seed.ShenzhenDock, first.GetProperty("lastDockId").GetString());
        Assert.Equal([$"{sz}-003"], await Serials($"agency={sz}&status=repair"));
        Assert.Equal([$"{sz}-002"], await Serials($"agency={sz}&overdue=true"));
        Assert.Equal([$"{sz}-001", $"{sz}-003", $"{sz}-004"], await Serials($"agency={sz}&overdue=false"));
        Assert.Equal([$"{sz}-002"], await Serials($"q={sz.ToLowerInvariant()}-002"));
        Assert.Equal([$"{sz}-004", $"{sz}-003", $"{sz}-002", $"{sz}-001"], await Serials($"agency={sz}&sort=-serial"));
        Assert.Equal([$"{sz}-001", $"{sz}-004", $"{sz}-003", $"{sz}-002"], await Serials($"agency={sz}&sort=-lastDocked"));
        Assert.Equal([$"{sz}-002"], await Serials("overdue=true"));
        Assert.Contains($"{seed.Beijing}-001", await Serials("overdue=false&status=in-service"));

        var page = await (await manager.GetAsync($"/api/v1/recorders?agency={sz}&limit=3")).OkJsonAsync();
        Assert.Equal("3", page.GetProperty("next").GetString());
        var last = await (await manager.GetAsync($"/api/v1/recorders?agency={sz}&limit=3&after=3")).OkJsonAsync();
        Assert.Equal([$"{sz}-004"], last.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serial").GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        var past = await (await manager.GetAsync($"/api/v1/recorders?agency={sz}&after=4")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["after"], past.ErrorFields());
        Assert.Equal("is past the end: 4 recorders match", past.GetProperty("errors").GetProperty("after")[0].GetString());

        foreach (var (query, field) in new[] { ("status=broken", "status"), ("overdue=maybe", "overdue"), ("sort=colour", "sort"), ("limit=0", "limit"), ("after=-1", "after"), ("format=xml", "format") })
        {
            Assert.Equal([field], (await (await manager.GetAsync($"/api/v1/recorders?{query}")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using var other = Host.Client(await Host.CreateTokenAsync("equipment-manager", seed.Beijing));
        await (await other.GetAsync($"/api/v1/recorders?agency={sz}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([seed.Beijing + "-001"], (await (await other.GetAsync("/api/v1/recorders")).OkJsonAsync()).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serial").GetString()!).ToArray());
        var pastOne = await (await other.GetAsync($"/api/v1/recorders?agency={seed.Beijing}&after=1")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("is past the end: 1 recorder matches", pastOne.GetProperty("errors").GetProperty("after")[0].GetString());

        var csv = await manager.GetAsync($"/api/v1/recorders?agency={sz}&format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{sz}-001,{sz},Acme,BW-1,in-service,B-1,张伟,", StringComparison.Ordinal));
        Assert.Equal(1, await AccessLogCountAsync("export.recorders", $"/api/v1/recorders?agency={sz}&format=csv"));
    }

    [VariantFact]
    public async Task Alerts_of_every_agency_come_in_one_request_filtered_and_paged()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        using var manager = Host.Client(seed.ManagerToken);
        async Task<string[]> Kinds(string query) =>
            (await (await manager.GetAsync($"/api/v1/alerts?{query}")).OkJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(r => r.GetProperty("kind").GetString()!).ToArray();

        Assert.Equal(["gap", "late", "refused"], await Kinds(string.Empty));
        Assert.Equal(["late", "refused"], await Kinds($"agency={seed.Shenzhen}"));
        Assert.Equal(["gap"], await Kinds("kind=gap"));
        Assert.Equal(["late"], await Kinds($"recorder={seed.Shenzhen}-002"));
        Assert.Equal(["gap"], await Kinds($"dock={seed.BeijingDock}"));
        var now = Host.Time.GetUtcNow();
        Assert.Empty(await Kinds($"from={Uri.EscapeDataString(now.AddSeconds(1).ToString("O"))}"));
        Assert.Equal(["gap", "late", "refused"], await Kinds($"from={Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"))}&to={Uri.EscapeDataString(now.AddSeconds(1).ToString("O"))}"));
        var late = (await (await manager.GetAsync("/api/v1/alerts?kind=late")).OkJsonAsync()).GetProperty("items")[0];
        Assert.Equal(("VID_0001.MP4", "=SUM(A1:A9)"), (late.GetProperty("file").GetString(), late.GetProperty("message").GetString()));

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await manager.GetAsync($"/api/v1/alerts?limit=1{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}")).OkJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("kind").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);
        Assert.Equal(["gap", "late", "refused"], seen);

        foreach (var (query, field) in new[] { ("kind=fire", "kind"), ("from=yesterday", "from"), ("acknowledged=maybe", "acknowledged"), ("after=%21%21", "after"), ("limit=1001", "limit"),
            ($"from={Uri.EscapeDataString(now.ToString("O"))}&to={Uri.EscapeDataString(now.ToString("O"))}", "to") })
        {
            Assert.Equal([field], (await (await manager.GetAsync($"/api/v1/alerts?{query}")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        await (await manager.GetAsync("/api/v1/alerts?agency=NO-SUCH")).ProblemAsync(HttpStatusCode.NotFound);
        var csv = await (await manager.GetAsync($"/api/v1/alerts?agency={seed.Shenzhen}&format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.Contains(",'=SUM(A1:A9),", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [VariantFact]
    public async Task Acknowledging_an_alert_stores_who_when_and_why_once_and_writes_the_access_log()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        using var manager = Host.Client(seed.ManagerToken);
        var alert = (await (await manager.GetAsync($"/api/v1/alerts?agency={seed.Shenzhen}&kind=refused")).OkJsonAsync()).GetProperty("items")[0];
        var id = alert.GetProperty("id").GetString()!;
        var path = $"/api/v1/alerts/{id}/acknowledgement";
        var openBefore = await OpenAsync(manager, seed.Shenzhen);

        Assert.Equal(["comment"], (await (await manager.PostJsonAsync(path, new { comment = "  " })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", seed.Shenzhen));
        await (await auditor.PostJsonAsync(path, new { comment = "seen" })).ProblemAsync(HttpStatusCode.Forbidden);
        using var stranger = Host.Client(await Host.CreateTokenAsync("equipment-manager", seed.Beijing));
        await (await stranger.PostJsonAsync(path, new { comment = "seen" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(openBefore, await OpenAsync(manager, seed.Shenzhen));

        var done = await (await manager.PostJsonAsync(path, new { comment = "已核实：该记录仪未登记，已通知装备科" })).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("已核实：该记录仪未登记，已通知装备科", done.GetProperty("acknowledgementComment").GetString());
        Assert.StartsWith("equipment-manager-", done.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(Host.Time.GetUtcNow().ToUnixTimeMilliseconds(), done.GetProperty("acknowledgedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        await (await manager.PostJsonAsync(path, new { comment = "again" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("已核实：该记录仪未登记，已通知装备科", (await (await manager.GetAsync($"/api/v1/alerts/{id}")).OkJsonAsync()).GetProperty("acknowledgementComment").GetString());

        Assert.Equal(openBefore - 1, await OpenAsync(manager, seed.Shenzhen));
        var acked = (await (await manager.GetAsync($"/api/v1/alerts?agency={seed.Shenzhen}&acknowledged=true")).OkJsonAsync()).GetProperty("items");
        Assert.Equal(id, Assert.Single(acked.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, await AccessLogCountAsync("alert.acknowledge", $"/api/v1/alerts/{id}"));
    }

    private static async Task<long> OpenAsync(HttpClient client, string agency) =>
        (await (await client.GetAsync("/api/v1/alerts/open-counts")).OkJsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("agencyCode").GetString() == agency).GetProperty("open").GetInt64();

    private async Task<long> AccessLogCountAsync(string action, string resource)
    {
        await using var connection = await Host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM access_log WHERE action = @action AND resource = @resource", new { action, resource });
    }
}

public sealed class ConsoleApiTestsOnSqlite(SqliteHostFixture fixture) : ConsoleApiTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class ConsoleApiTestsOnPostgres(PostgresHostFixture fixture) : ConsoleApiTests(fixture), IClassFixture<PostgresHostFixture>;
