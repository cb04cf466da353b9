using System.Net;
using Dapper;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Tests.Ratios;
using Microsoft.Extensions.DependencyInjection;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// What the console tests look at, made through the real API and the fleet store (as the MQTT handler feeds it):
/// three agencies with Chinese names (深圳, 北京, 安徽: code-point order differs from pinyin order), officers,
/// recorders in every status, two docks (one online with a live slot, one offline so its slot is stale), and three
/// alerts across two agencies; a witnessed custody log (<see cref="CustodySeed"/>) and an auditor. The host's clock moves 25 h so recorders that never docked are overdue.
/// </summary>
public sealed record ConsoleSeed(
    string Shenzhen, string Beijing, string Anhui, string ShenzhenDock, string BeijingDock, string ManagerToken, string AuditorToken, CustodySeed Custody)
{
    public string[] Agencies => [Shenzhen, Beijing, Anhui];

    public static async Task<ConsoleSeed> CreateAsync(CloudTestHost host)
    {
        var (sz, bj, ah) = (await host.CreateAgencyAsync(), await host.CreateAgencyAsync(officers: 9), await host.CreateAgencyAsync(legalReviewStaff: 0));
        await NameAsync(host, sz, "深圳市公安局");
        await NameAsync(host, bj, "北京市公安局");
        await NameAsync(host, ah, "安徽省公安厅");
        var (szDock, bjDock) = (await host.EnrolDockAsync(sz), await host.EnrolDockAsync(bj));
        using var admin = host.Client(host.AdminToken);
        foreach (var (badge, name) in new[] { ("B-1", "张伟"), ("B-2", "李娜") })
        {
            await (await admin.PostJsonAsync($"/api/v1/agencies/{sz}/officers", new { badgeNumber = badge, name })).OkJsonAsync(HttpStatusCode.Created);
        }

        await host.AddRecorderAsync(sz, $"{sz}-001", assignedBadge: "B-1");
        await host.AddRecorderAsync(sz, $"{sz}-002", assignedBadge: "B-2");
        await host.AddRecorderAsync(sz, $"{sz}-003", "repair");
        await host.AddRecorderAsync(sz, $"{sz}-004", "retired");
        await host.AddRecorderAsync(bj, $"{bj}-001");
        host.Time.Advance(TimeSpan.FromHours(25));
        await host.DockedAsync(sz, szDock, $"{sz}-001", host.Time.GetUtcNow());

        var store = host.Services.GetRequiredService<FleetStore>();
        var now = host.Time.GetUtcNow();
        await store.ApplyStatusAsync(new FleetTopic(sz, szDock, FleetTopicKind.Status),
            new DockStatusReport(true, "1.4.0", 3600, 52_000_000_000, new Dictionary<string, long> { ["events"] = 3, ["uploads"] = 2, ["uploads_bytes"] = 1_572_864_000, ["uploads_oldest_s"] = 93_600 }, now), now, now, CancellationToken.None);
        await host.SlotAsync(sz, szDock, $"{sz}-001", "ingesting");
        await store.ApplyStatusAsync(new FleetTopic(bj, bjDock, FleetTopicKind.Status),
            new DockStatusReport(false, null, null, null, null, null), now, now, CancellationToken.None);
        await host.SlotAsync(bj, bjDock, $"{bj}-001", "done");

        await AlertAsync(host, sz, szDock, "refused", "XX-9", null, "recorder not registered", TimeSpan.FromMinutes(-3));
        await AlertAsync(host, sz, szDock, "late", $"{sz}-002", "VID_0001.MP4", "=SUM(A1:A9)", TimeSpan.FromMinutes(-2));
        await AlertAsync(host, bj, bjDock, "gap", $"{bj}-001", null, "missing 10:00-10:20", TimeSpan.FromMinutes(-1), missing: (18, 20));
        var custody = await CustodySeed.CreateAsync(host, sz, $"{sz}-001");
        return new ConsoleSeed(sz, bj, ah, szDock, bjDock, await host.CreateTokenAsync("equipment-manager", sz, bj, ah),
            await host.CreateTokenAsync("auditor", sz, bj, ah), custody);
    }

    private static async Task NameAsync(CloudTestHost host, string code, string name)
    {
        await using var connection = await host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE agencies SET name = @name WHERE code = @code", new { name, code });
    }

    private static async Task AlertAsync(
        CloudTestHost host, string agency, string dock, string kind, string recorder, string? file, string message, TimeSpan at, (long From, long To)? missing = null)
    {
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var now = host.Time.GetUtcNow();
        await host.Services.GetRequiredService<FleetStore>().ApplyEventAsync(
            new FleetTopic(agency, dock, FleetTopicKind.Events),
            new DockEventReport("k-" + Guid.NewGuid().ToString("N"), kind, now + at, 1, recorder, file, message) { MissingFrom = missing?.From, MissingTo = missing?.To },
            now, now, CancellationToken.None);
    }
}
