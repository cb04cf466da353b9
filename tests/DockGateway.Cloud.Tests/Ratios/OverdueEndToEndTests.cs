using System.Text.Json;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Tests.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Processes;
using DockGateway.Testing.Recorders;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

/// <summary>
/// Overdue, end to end: the real dock process (simulation mode, no uploads) publishes to a real mosquitto,
/// the cloud host subscribed to it moves the recorder's last docked time; the cloud's clock is moved by hand.
/// The cloud's clock starts 25 h behind the dock's and catches up: the rule "never later than the cloud's
/// clock" is exercised on the way.
/// </summary>
public sealed class OverdueEndToEndTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_recorder_that_docks_is_not_overdue_25_hours_later_it_is_and_docking_again_clears_it()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, FleetProbe.Settings(broker));
        await FleetProbe.WaitUntilSubscribedAsync(broker, host.Services.GetRequiredService<FleetCounters>());
        var dockClock = DateTimeOffset.UtcNow;
        host.Time.Set(dockClock - TimeSpan.FromHours(50));
        var root = Directory.CreateTempSubdirectory("dockgw-overdue-").FullName;
        try
        {
            var agency = await host.CreateAgencyAsync();
            var serial = $"{agency}-CAM";
            await host.AddRecorderAsync(agency, serial);
            var (config, dockId) = await EnrolAsync(host, broker, agency, root);

            host.Time.Set(dockClock - TimeSpan.FromHours(25));
            Assert.Contains(serial, await OverdueAsync(host, agency)); // issued 25 h ago, never docked

            using (new DockProcess(Path.Combine(root, "sim"), Path.Combine(root, "data"), ["--config", config]))
            {
                var slot = Path.Combine(root, "sim", "slots", "1");
                VirtualRecorder.Create(serial, new Random(10), generatedFiles: 1, maxBytes: 128 * 1024).InsertInto(slot);
                await WaitUntilAsync(async () => !(await OverdueAsync(host, agency)).Contains(serial), "the docked recorder to leave the overdue list");
                var recorder = await host.Services.GetRequiredService<RecorderStore>().FindAsync(serial, CancellationToken.None);
                Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), recorder!.LastDockedAt?.ToUnixTimeMilliseconds()); // the dock's clock is ahead: capped at the cloud's
                                Assert.Equal(dockId, recorder.LastDockId);
                await WaitUntilAsync(() => Task.FromResult(SlotState(slot) == "done"), "slot 1 done");
                File.Delete(Path.Combine(slot, "recorder.json"));
                await WaitUntilAsync(() => Task.FromResult(SlotState(slot) == "empty"), "slot 1 empty after the recorder was pulled");
                await WaitUntilQuietAsync(host, root, agency, dockId);

                host.Time.Advance(TimeSpan.FromHours(25));
                Assert.Contains(serial, await OverdueAsync(host, agency));

                VirtualRecorder.Create(serial, new Random(11), generatedFiles: 1, maxBytes: 128 * 1024).InsertInto(slot);
                await WaitUntilAsync(async () => !(await OverdueAsync(host, agency)).Contains(serial), "the recorder docked again to leave the overdue list");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(string Config, string DockId)> EnrolAsync(CloudTestHost host, MosquittoBroker broker, string agency, string root)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(root, "sim", "slots"));
        byte[] publicKey;
        using (var key = KeyFile.LoadOrCreate(Path.Combine(data, "dock.key")))
        {
            publicKey = key.PublicKey;
        }

        using var admin = new CloudAdminClient(host.BaseAddress, host.AdminToken);
        var enrolment = await admin.EnrolDockAsync(agency, publicKey, "Overdue station", slots: 2);
        var config = Path.Combine(root, "dock.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Dock = new
            {
                DockId = enrolment.GetProperty("dockId").GetString(),
                Agency = agency,
                Origin = enrolment.GetProperty("origin").GetString(),
            },
            Mqtt = new { broker.Host, broker.Port, ReconnectDelayMin = "00:00:00.100", ReconnectDelayMax = "00:00:01" },
        }));
        return (config, enrolment.GetProperty("dockId").GetString()!);
    }

    /// <summary>
    /// Waits until the dock has handed every event to the broker and the cloud shows the slot empty, then a
    /// second more: nothing the dock sent while the recorder was in is still on its way when the clock moves.
    /// </summary>
    private static async Task WaitUntilQuietAsync(CloudTestHost host, string root, string agency, string dock)
    {
        var outbox = Path.Combine(root, "data", "outbox.db");
        await WaitUntilAsync(
            () => Task.FromResult(ReadOnlySqlite.Query(outbox, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", r => r.GetInt64(0)).Single() == 0),
            "the dock's outbox to drain");
        var fleet = host.Services.GetRequiredService<FleetQueries>();
        await WaitUntilAsync(
            async () => (await fleet.FindDockAsync(agency, dock, CancellationToken.None))?.Slots.FirstOrDefault(s => s.Slot == 1)?.State == "empty",
            "the cloud to see slot 1 empty");
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private static async Task<IReadOnlyList<string>> OverdueAsync(CloudTestHost host, string agency)
    {
        using var client = host.Client(host.AdminToken);
        var page = await (await client.GetAsync($"/api/v1/recorders/overdue?agency={agency}&limit=1000")).OkJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("serial").GetString()!).ToList();
    }

    private static string SlotState(string slot)
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(slot, "state.json")));
            return state.RootElement.GetProperty("state").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return string.Empty;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {s_timeout} for {what}");
            await Task.Delay(250);
        }
    }
}
