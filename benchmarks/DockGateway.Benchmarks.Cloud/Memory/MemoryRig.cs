using System.Text.Json;
using DockGateway.Shared.Crypto;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// Everything on 127.0.0.1: a private mosquitto broker, the cloud process (SQLite), a dock enrolled with
/// a one-time token and configured from the answer as the end-to-end tests do, with MQTT and sync on
/// and every other setting at its default, and the real dock process in simulation mode.
/// </summary>
internal sealed class MemoryRig : IAsyncDisposable
{
    private readonly string _root;

    private MemoryRig(string root, MosquittoBroker broker, CloudProcess cloud, DockProcess dock)
    {
        _root = root;
        Broker = broker;
        Cloud = cloud;
        Dock = dock;
    }

    public MosquittoBroker Broker { get; }

    public CloudProcess Cloud { get; }

    public DockProcess Dock { get; }

    public string Simulation => Path.Combine(_root, "sim");

    private string Data => Path.Combine(_root, "data");

    /// <param name="slots">Slots the dock is enrolled with (the simulated slot folders are created on insertion).</param>
    /// <param name="dockArguments">Extra dock command-line settings (<c>--Section:Key value</c>), for a labelled variant.</param>
    /// <param name="environment">Extra environment for the dock process (e.g. <c>DOTNET_gcServer</c>), for a labelled variant.</param>
    public static async Task<MemoryRig> StartAsync(int slots, IReadOnlyList<string> dockArguments, IReadOnlyDictionary<string, string> environment)
    {
        var root = Directory.CreateTempSubdirectory("dockgw-memory-").FullName;
        var broker = await MosquittoBroker.StartAsync();
        var cloud = await CloudProcess.StartAsync("memory");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(root, "sim", "slots"));
        byte[] publicKey;
        using (var key = KeyFile.LoadOrCreate(Path.Combine(data, "dock.key")))
        {
            publicKey = key.PublicKey;
        }

        var enrolment = await cloud.EnrolDockAsync(publicKey, site: "Memory bench", slots: slots);
        var config = Path.Combine(root, "dock.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Dock = new
            {
                DockId = enrolment.GetProperty("dockId").GetString(),
                Agency = enrolment.GetProperty("agency").GetString(),
                Origin = enrolment.GetProperty("origin").GetString(),
            },
            Mqtt = new { broker.Host, broker.Port },
            Sync = new
            {
                CloudUrl = cloud.BaseAddress.ToString(),
                ReceiptKey = enrolment.GetProperty("receiptKey").GetString(),
                WitnessKey = enrolment.GetProperty("witnessKey").GetString(),
            },
        }));
        var dock = new DockProcess(Path.Combine(root, "sim"), data, ["--config", config, .. dockArguments], environment, line => Console.Error.WriteLine($"  dock: {line}"));
        var rig = new MemoryRig(root, broker, cloud, dock);
        await rig.WaitForDockAsync();
        return rig;
    }

    /// <summary>Events in the outbox not yet acknowledged by the broker.</summary>
    public long UnsentEvents() => Scalar(Path.Combine(Data, "outbox.db"), "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");

    /// <summary>Files in the upload backlog not yet acknowledged by the cloud.</summary>
    public long PendingUploads() => Scalar(Path.Combine(Data, "sync.db"), "SELECT COUNT(*) FROM uploads WHERE state = 'pending'");

    public long IngestedEntries() => Scalar(Path.Combine(Data, "custody.db"), "SELECT COUNT(*) FROM entries WHERE type = 'ingested'");

    public async ValueTask DisposeAsync()
    {
        Dock.Stop(TimeSpan.FromSeconds(10));
        Dock.Dispose();
        await Cloud.DisposeAsync();
        await Broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static long Scalar(string database, string sql) =>
        ReadOnlySqlite.Query(database, sql, r => r.GetInt64(0)).FirstOrDefault(-1);

    /// <summary>Waits until the dock watches its slots and is connected to the broker.</summary>
    private async Task WaitForDockAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!Dock.Tail.Contains("Simulated slots in", StringComparison.Ordinal) || !Dock.Tail.Contains("MQTT connected", StringComparison.Ordinal))
        {
            if (Dock.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the dock did not start (slots watched and MQTT connected):\n{Dock.Tail}");
            }

            await Task.Delay(100);
        }
    }
}
