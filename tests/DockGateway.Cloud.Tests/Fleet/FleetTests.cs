using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Docks publish through a real mosquitto broker; the real cloud host subscribes; the API shows the fleet.</summary>
public abstract class FleetTests(FleetHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Status_slots_and_alerts_a_dock_publishes_are_served_by_the_fleet_api()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
        await dock.PublishStatusAsync(version: "1.4.0", freeDisk: 52_000_000_000, outbox: 3);
        await dock.PublishSlotAsync(1, "ingesting", "RB-100", files: 5, done: 2, errors: 0);
        await dock.PublishSlotAsync(2, "refused", "XX-9", 0, 0, 0, "recorder not registered");
        await dock.PublishEventAsync("ingested", "custody:6");
        await dock.PublishEventAsync("refused", "custody:7", slot: 2, recorder: "XX-9", message: "unknown vendor");

        using var client = Host.Client(Host.AdminToken);
        var status = await client.EventuallyAsync($"/api/v1/agencies/{dock.Agency}/docks/{dock.DockId}/status",
            d => d.Online() && d.GetProperty("slots").GetArrayLength() == 2);
        Assert.Equal("1.4.0", status.GetProperty("version").GetString());
        Assert.Equal(52_000_000_000, status.GetProperty("freeDiskBytes").GetInt64());
        Assert.Equal(3, status.GetProperty("queues").GetProperty("outbox").GetInt64());
        Assert.Equal(8, status.GetProperty("slotCount").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("lastSeenAt").ValueKind);
        var slot1 = status.Slot(1)!.Value;
        Assert.Equal(("ingesting", "RB-100", 5, 2), (slot1.GetProperty("state").GetString(), slot1.GetProperty("recorder").GetString(),
            slot1.GetProperty("files").GetInt32(), slot1.GetProperty("done").GetInt32()));
        Assert.Equal("recorder not registered", status.Slot(2)!.Value.GetProperty("message").GetString());

        var alerts = await client.EventuallyAsync($"/api/v1/agencies/{dock.Agency}/alerts", a => a.GetArrayLength() == 1);
        var alert = alerts[0];
        Assert.Equal(("refused", "custody:7", dock.DockId, 2, "XX-9", "unknown vendor"), (alert.GetProperty("kind").GetString(),
            alert.GetProperty("eventKey").GetString(), alert.GetProperty("dockId").GetString(), alert.GetProperty("slot").GetInt32(),
            alert.GetProperty("recorder").GetString(), alert.GetProperty("message").GetString()));

        var fleet = await client.EventuallyAsync("/api/v1/fleet", f => f.EnumerateArray().Any(d => d.GetProperty("id").GetString() == dock.DockId));
        Assert.True(fleet.EnumerateArray().Single(d => d.GetProperty("id").GetString() == dock.DockId).Online());
    }

    [VariantFact]
    public async Task A_redelivered_event_is_kept_as_one_alert()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
        var duplicates = fixture.Counters[FleetOutcome.Duplicate];
        await dock.PublishEventAsync("error", "event:aa01", message: "copy failed verification");
        await dock.PublishEventAsync("error", "event:aa01", message: "copy failed verification");
        await dock.PublishEventAsync("late", "custody:12");

        using var client = Host.Client(Host.AdminToken);
        var alerts = await client.EventuallyAsync($"/api/v1/agencies/{dock.Agency}/alerts", a => a.GetArrayLength() == 2);
        Assert.Equal(new[] { "error", "late" }, alerts.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order());
        Assert.Equal(duplicates + 1, fixture.Counters[FleetOutcome.Duplicate]);
    }

    [VariantFact]
    public async Task Dock_goes_offline_when_the_process_holding_its_will_is_killed()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using (var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId))
        {
            await dock.PublishStatusAsync(version: "2.0.1");
        }

        using var client = Host.Client(Host.AdminToken);
        var path = $"/api/v1/agencies/{enrolled.Agency}/docks/{enrolled.DockId}/status";
        await client.EventuallyAsync(path, d => d.Online());

        // The dock's process: a client whose will is the dock's offline status, killed with SIGKILL.
        var process = Process.Start(new ProcessStartInfo(Requirements.Find("mosquitto_sub")!,
        [
            "-h", fixture.Broker.Host, "-p", fixture.Broker.Port.ToString(CultureInfo.InvariantCulture), "-i", $"will-{Guid.NewGuid():N}"[..20],
            "-t", $"{SimulatedDock.Root}/{enrolled.Agency}/{enrolled.DockId}/none", "-q", "1",
            "--will-topic", $"{SimulatedDock.Root}/{enrolled.Agency}/{enrolled.DockId}/status", "--will-qos", "1", "--will-retain",
            "--will-payload", SimulatedDock.OfflineJson(enrolled.Agency, enrolled.DockId),
        ]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        using (process)
        {
            await Task.Delay(500); // connected on 127.0.0.1 well within this
            Assert.False(process.HasExited, "mosquitto_sub exited early");
            var stillOnline = await client.EventuallyAsync(path, d => true);
            Assert.True(stillOnline.Online());
            process.Kill(); // SIGKILL: no DISCONNECT, the broker publishes the will
            await process.WaitForExitAsync();
        }

        var offline = await client.EventuallyAsync(path, d => !d.Online());
        Assert.Equal("2.0.1", offline.GetProperty("version").GetString()); // last known facts are kept
        Assert.NotEqual(JsonValueKind.Null, offline.GetProperty("onlineChangedAt").ValueKind);
    }

    [VariantFact]
    public async Task Cloud_resubscribes_after_the_broker_is_killed_and_restarted()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
        await dock.PublishSlotAsync(3, "ingesting", "RB-300", 4, 1, 0);
        using var client = Host.Client(Host.AdminToken);
        var path = $"/api/v1/agencies/{enrolled.Agency}/docks/{enrolled.DockId}/status";
        await client.EventuallyAsync(path, d => d.Slot(3) is not null);

        await fixture.Broker.KillAsync();
        await fixture.Broker.StartAgainAsync();
        await fixture.WaitUntilSubscribedAsync();
        await dock.Connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await dock.PublishSlotAsync(3, "done", "RB-300", 4, 4, 0);
        await dock.PublishAsync("events", $$"""
            {"v":1,"key":"custody:99","kind":"gap","time":"{{SimulatedDock.Now}}","slot":3,"recorder":"RB-300","missing_from":18,"missing_to":18}
            """);
        var status = await client.EventuallyAsync(path, d => d.Slot(3)?.GetProperty("state").GetString() == "done");
        Assert.Equal(4, status.Slot(3)!.Value.GetProperty("done").GetInt32());
        var alerts = await client.EventuallyAsync($"/api/v1/agencies/{enrolled.Agency}/alerts", a => a.GetArrayLength() == 1);
        Assert.Equal("gap", alerts[0].GetProperty("kind").GetString());
        Assert.Equal((18, 18), (alerts[0].GetProperty("missingFrom").GetInt64(), alerts[0].GetProperty("missingTo").GetInt64()));
    }

    [VariantFact]
    public async Task Malformed_and_oversize_payloads_are_ignored_and_change_nothing()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
        await dock.PublishStatusAsync(version: "1.4.0");
        await dock.PublishSlotAsync(1, "ingesting", "RB-100", 5, 2, 0);
        using var client = Host.Client(Host.AdminToken);
        var path = $"/api/v1/agencies/{enrolled.Agency}/docks/{enrolled.DockId}/status";
        var before = await client.EventuallyAsync(path, d => d.Online() && d.Slot(1) is not null);
        var malformed = fixture.Counters[FleetOutcome.Malformed];
        var oversize = fixture.Counters[FleetOutcome.Oversize];

        string[] badStatus =
        [
            "not json", "[1,2]", """{"v":2,"online":false}""", """{"v":1}""", """{"v":1,"online":"no"}""", """{"online":false}""",
            $$"""{"v":1,"agency":"SOMEONE-ELSE","dock":"{{enrolled.DockId}}","online":false}""",
            """{"v":1,"online":false,"queues":{"outbox":-1}}""", """{"v":1,"online":false,"free_disk_bytes":"lots"}""",
            """{"v":1,"online":false,"time":"yesterday"}""", string.Concat(Enumerable.Repeat("[", 100)),
        ];
        foreach (var payload in badStatus)
        {
            await dock.PublishAsync("status", payload, retain: true);
        }

        await dock.PublishAsync("status", [0xff, 0xfe, 0x00, 0x7b], retain: true);
        await dock.PublishAsync("slots/1", """{"v":1,"slot":2,"state":"done"}""", retain: true);
        await dock.PublishAsync("slots/1", """{"v":1,"slot":1,"state":"DROP TABLE fleet_slots"}""", retain: true);
        await dock.PublishAsync("slots/99999", """{"v":1,"slot":1,"state":"done"}""", retain: true);
        await dock.PublishAsync("slots/01", """{"v":1,"state":"done"}""", retain: true);
        await dock.PublishAsync("events", """{"v":1,"kind":"error","time":"2026-11-22T02:00:00Z"}""");
        await dock.PublishAsync("events", """{"v":1,"key":"event:1","kind":"Error!","time":"2026-11-22T02:00:00Z"}""");
        await dock.PublishAsync("events", """{"v":1,"key":"event:2","kind":"error"}""");
        const int Malformed = 19;
        await dock.PublishAsync("status", $$"""{"v":1,"online":false,"pad":"{{new string('x', 20_000)}}"}""", retain: true);

        await dock.PublishSlotAsync(2, "done", "RB-200", 1, 1, 0); // processed after everything above
        var after = await client.EventuallyAsync(path, d => d.Slot(2) is not null);
        Assert.Equal(malformed + Malformed, fixture.Counters[FleetOutcome.Malformed]);
        Assert.Equal(oversize + 1, fixture.Counters[FleetOutcome.Oversize]);
        Assert.True(after.Online());
        Assert.Equal(before.GetProperty("version").GetString(), after.GetProperty("version").GetString());
        Assert.Equal(before.Slot(1)!.Value.ToString(), after.Slot(1)!.Value.ToString());
        Assert.Equal(2, after.GetProperty("slots").GetArrayLength());
        Assert.Equal(0, (await client.EventuallyAsync($"/api/v1/agencies/{enrolled.Agency}/alerts", _ => true)).GetArrayLength());
    }

    [VariantFact]
    public async Task A_dock_publishing_under_another_agencys_topic_is_ignored()
    {
        using var docX = await TestDock.EnrolAsync(Host);
        using var docY = await TestDock.EnrolAsync(Host);
        var unknown = fixture.Counters[FleetOutcome.UnknownDock];

        // Y's dock publishes as if it belonged to X (payload and topic both say X), and a dock nobody enrolled too.
        await using (var impostor = await SimulatedDock.ConnectAsync(fixture.Broker, docX.Agency, docY.DockId))
        {
            await impostor.PublishStatusAsync(version: "6.6.6");
            await impostor.PublishEventAsync("error", "event:forged");
        }

        await using (var stranger = await SimulatedDock.ConnectAsync(fixture.Broker, docX.Agency, "dock-never-enrolled"))
        {
            await stranger.PublishStatusAsync();
        }

        await using var honest = await SimulatedDock.ConnectAsync(fixture.Broker, docY.Agency, docY.DockId);
        await honest.PublishStatusAsync(version: "1.4.0");
        using var client = Host.Client(Host.AdminToken);
        var statusY = await client.EventuallyAsync($"/api/v1/agencies/{docY.Agency}/docks/{docY.DockId}/status", d => d.Online());

        Assert.Equal(unknown + 3, fixture.Counters[FleetOutcome.UnknownDock]);
        Assert.Equal("1.4.0", statusY.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/agencies/{docX.Agency}/docks/{docY.DockId}/status")).StatusCode);
        Assert.Equal(0, (await client.EventuallyAsync($"/api/v1/agencies/{docX.Agency}/alerts", _ => true)).GetArrayLength());
        var statusX = await client.EventuallyAsync($"/api/v1/agencies/{docX.Agency}/docks/{docX.DockId}/status", _ => true);
        Assert.False(statusX.Online());
        Assert.Equal(JsonValueKind.Null, statusX.GetProperty("version").ValueKind);
    }

    [VariantFact]
    public async Task A_manager_sees_only_the_fleet_and_alerts_of_their_agency()
    {
        using var docX = await TestDock.EnrolAsync(Host);
        using var docY = await TestDock.EnrolAsync(Host);
        foreach (var enrolled in new[] { docX, docY })
        {
            await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
            await dock.PublishStatusAsync();
            await dock.PublishEventAsync("overdue", "custody:1");
        }

        using (var admin = Host.Client(Host.AdminToken))
        {
            await admin.EventuallyAsync($"/api/v1/agencies/{docY.Agency}/alerts", a => a.GetArrayLength() == 1);
            await admin.EventuallyAsync($"/api/v1/agencies/{docX.Agency}/alerts", a => a.GetArrayLength() == 1);
        }

        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", docX.Agency));
        var fleet = await manager.EventuallyAsync("/api/v1/fleet", _ => true);
        Assert.All(fleet.EnumerateArray(), d => Assert.Equal(docX.Agency, d.GetProperty("agencyCode").GetString()));
        Assert.Equal(new[] { docX.DockId }, fleet.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.True(fleet[0].Online());
        Assert.Equal(1, (await manager.EventuallyAsync($"/api/v1/agencies/{docX.Agency}/alerts", _ => true)).GetArrayLength());
        foreach (var forbidden in new[]
        {
            $"/api/v1/agencies/{docY.Agency}/docks/{docY.DockId}/status", $"/api/v1/agencies/{docX.Agency}/docks/{docY.DockId}/status",
            $"/api/v1/agencies/{docY.Agency}/alerts", $"/api/v1/agencies/{docY.Agency}/alerts?format=csv",
        })
        {
            await (await manager.GetAsync(forbidden)).ProblemAsync(HttpStatusCode.NotFound);
        }

        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor"));
        var all = await auditor.EventuallyAsync("/api/v1/fleet", _ => true);
        Assert.Subset(all.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToHashSet(), new HashSet<string?> { docX.DockId, docY.DockId });
        using var anonymous = Host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/fleet")).StatusCode);
    }

    [VariantFact]
    public async Task Alerts_filter_by_since_and_limit_and_export_as_csv()
    {
        using var enrolled = await TestDock.EnrolAsync(Host);
        await using var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId);
        using var client = Host.Client(Host.AdminToken);
        var alertsPath = $"/api/v1/agencies/{enrolled.Agency}/alerts";
        await dock.PublishEventAsync("late", "custody:1");
        await client.EventuallyAsync(alertsPath, a => a.GetArrayLength() == 1);
        var cut = Host.Time.GetUtcNow();
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await dock.PublishEventAsync("disk-low", "event:d1", slot: null, message: "1.2 GB free");
        await dock.PublishEventAsync("unregistered", "custody:2", recorder: "ZZ-1");
        await client.EventuallyAsync(alertsPath, a => a.GetArrayLength() == 3);

        var since = await client.EventuallyAsync($"{alertsPath}?since={Uri.EscapeDataString(cut.ToString("O", CultureInfo.InvariantCulture))}", _ => true);
        Assert.Equal(new[] { "disk-low", "unregistered" }, since.EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order());
        Assert.Equal(1, (await client.EventuallyAsync($"{alertsPath}?limit=1", _ => true)).GetArrayLength());

        var lines = await (await client.GetAsync($"{alertsPath}?format=csv")).CsvLinesAsync();
        Assert.Equal(FleetAlertCsv.Table.Header, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains(",disk-low,,", StringComparison.Ordinal) && l.Contains("1.2 GB free", StringComparison.Ordinal));

        var bad = await (await client.GetAsync($"{alertsPath}?since=yesterday&limit=0&format=xml")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "format", "limit", "since" }, bad.ErrorFields().Order());
    }
}

[VariantNeeds(Needs.Mosquitto)]
public sealed class FleetTestsOnSqlite(SqliteFleetFixture fixture) : FleetTests(fixture), IClassFixture<SqliteFleetFixture>;

[VariantNeeds(Needs.Postgres, Needs.Mosquitto)]
public sealed class FleetTestsOnPostgres(PostgresFleetFixture fixture) : FleetTests(fixture), IClassFixture<PostgresFleetFixture>;
