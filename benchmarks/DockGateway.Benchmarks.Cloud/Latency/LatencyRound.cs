using System.Diagnostics;
using System.Text.Json;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Custody;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace DockGateway.Benchmarks.Cloud.Latency;

/// <summary>
/// One round on 127.0.0.1: a fresh cloud process (SQLite), a dock enrolled with a one-time token and
/// configured from the enrolment answer as the end-to-end tests do (Dock:DockId/Agency/Origin,
/// Sync:CloudUrl/ReceiptKey/WitnessKey, a new key and data directory), the real dock process in
/// simulation mode, then one recorder with the sample footage inserted into slot 1 and polled every
/// 20 ms until the slot is done, the cloud holds every file verified and the dock logged every receipt.
/// </summary>
internal sealed class LatencyRound : IAsyncDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);
    private readonly string _root;
    private readonly CloudProcess _cloud;
    private readonly string _dockId;
    private readonly DockProcess _dock;

    private LatencyRound(string root, CloudProcess cloud, string dockId, DockProcess dock)
    {
        _root = root;
        _cloud = cloud;
        _dockId = dockId;
        _dock = dock;
    }

    private string Slot => Path.Combine(_root, "sim", "slots", "1");

    private string Custody => Path.Combine(_root, "data", "custody.db");

    /// <param name="dockArguments">Extra dock command-line settings (<c>--Section:Key value</c>), for a labelled variant.</param>
    public static async Task<LatencyRound> StartAsync(IReadOnlyList<string> dockArguments)
    {
        var root = Directory.CreateTempSubdirectory("dockgw-latency-").FullName;
        var cloud = await CloudProcess.StartAsync("latency");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(root, "sim", "slots", "1"));
        byte[] publicKey;
        using (var key = KeyFile.LoadOrCreate(Path.Combine(data, "dock.key")))
        {
            publicKey = key.PublicKey;
        }

        var enrolment = await cloud.EnrolDockAsync(publicKey, site: "Latency bench", slots: 1);
        var dockId = enrolment.GetProperty("dockId").GetString()!;
        var config = Path.Combine(root, "dock.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Dock = new
            {
                DockId = dockId,
                Agency = enrolment.GetProperty("agency").GetString(),
                Origin = enrolment.GetProperty("origin").GetString(),
            },
            Sync = new
            {
                CloudUrl = cloud.BaseAddress.ToString(),
                ReceiptKey = enrolment.GetProperty("receiptKey").GetString(),
                WitnessKey = enrolment.GetProperty("witnessKey").GetString(),
            },
        }));
        var dock = new DockProcess(Path.Combine(root, "sim"), data, ["--config", config, .. dockArguments]);
        var round = new LatencyRound(root, cloud, dockId, dock);
        await round.WaitForDockAsync();
        return round;
    }

    /// <summary>Inserts <paramref name="recorder"/> after <paramref name="pause"/> and measures until every figure is in.</summary>
    /// <param name="pause">
    /// A random pause before insertion, so that the insertion falls at a random point of the dock's polling
    /// cycles (slot folders, upload queue) rather than at the same point after start-up every round.
    /// </param>
    public async Task<LatencyResult> MeasureAsync(SampleRecorder recorder, TimeSpan pause, TimeSpan timeout)
    {
        recorder.FillVolume(Slot);
        await Task.Delay(pause);
        recorder.Insert(Slot);
        var clock = Stopwatch.StartNew();
        TimeSpan? ingested = null, begun = null, wiped = null, verified = null, receipts = null;
        while (ingested is null || begun is null || wiped is null || verified is null || receipts is null)
        {
            await Task.Delay(s_poll);
            ingested ??= CustodyCount(CustodyEntryCodec.TypeName<IngestedEntry>()) > 0 ? clock.Elapsed : null;
            begun ??= CloudUploadsBegun() > 0 ? clock.Elapsed : null;
            wiped ??= SlotState() == "done" ? clock.Elapsed : null;
            verified ??= recorder.Sha256.IsSubsetOf(CloudVerified()) ? clock.Elapsed : null;
            receipts ??= recorder.Sha256.IsSubsetOf(Receipts()) ? clock.Elapsed : null;
            if (_dock.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"{(_dock.HasExited ? "the dock exited" : $"timed out after {timeout}")} (slot {SlotState()}, " +
                    $"{CloudVerified().Count} verified in the cloud, {Receipts().Count} receipts); dock log:\n{_dock.Tail}\ncloud log:\n{_cloud.Tail}");
            }
        }

        return new LatencyResult(ingested.Value, begun.Value, wiped.Value, verified.Value, receipts.Value);
    }

    public async ValueTask DisposeAsync()
    {
        _dock.Stop(TimeSpan.FromSeconds(10));
        _dock.Dispose();
        await _cloud.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Waits until the dock watches its slots (its start-up is not part of the figures).</summary>
    private async Task WaitForDockAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!_dock.Tail.Contains("Simulated slots in", StringComparison.Ordinal))
        {
            if (_dock.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the dock did not start watching its slots:\n{_dock.Tail}");
            }

            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // let every background service (upload worker included) start
    }

    private string SlotState()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Slot, "state.json")));
            return document.RootElement.GetProperty("state").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return string.Empty;
        }
    }

    private long CustodyCount(string type) =>
        ReadOnlySqlite.Query(Custody, "SELECT COUNT(*) FROM entries WHERE type = $type", r => r.GetInt64(0), ("$type", type)).FirstOrDefault();

    /// <summary>The SHA-256 named by each <c>uploaded</c> custody entry (the cloud's receipt, logged by the dock).</summary>
    private HashSet<string> Receipts() =>
        ReadOnlySqlite.Query(Custody, "SELECT json FROM entries WHERE type = $type", r => ((UploadedEntry)CustodyEntryCodec.Decode((byte[])r[0])).Sha256,
                ("$type", CustodyEntryCodec.TypeName<UploadedEntry>()))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Uploads the cloud completed for this dock; completed_at is set only after the whole file's SHA-256 matched.</summary>
    private HashSet<string> CloudVerified() =>
        ReadOnlySqlite.Query(_cloud.Database, "SELECT sha256 FROM uploads WHERE dock_id = $dock AND completed_at IS NOT NULL", r => r.GetString(0), ("$dock", _dockId))
            .ToHashSet(StringComparer.Ordinal);

    private long CloudUploadsBegun() =>
        ReadOnlySqlite.Query(_cloud.Database, "SELECT COUNT(*) FROM uploads WHERE dock_id = $dock", r => r.GetInt64(0), ("$dock", _dockId)).FirstOrDefault();
}
