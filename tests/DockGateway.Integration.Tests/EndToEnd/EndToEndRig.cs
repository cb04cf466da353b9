using System.Globalization;
using System.Text.Json;
using DockGateway.Integration.Tests.Custody;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// One whole installation on 127.0.0.1: a real mosquitto, the real cloud process, an agency created and
/// a dock enrolled through the cloud API with a one-time token, the dock's configuration file written from
/// the enrolment answer, a durable mosquitto_sub on <c>dockgateway/#</c>, and the real dock process
/// (simulation mode) started and restarted on demand.
/// </summary>
internal sealed class EndToEndRig : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _config;

    private EndToEndRig(string root, MosquittoBroker broker, CloudProcess cloud, string config, JsonElement enrolment, MosquittoSubscriber subscriber)
    {
        var dockId = enrolment.GetProperty("dockId").GetString()!;
        Origin = enrolment.GetProperty("origin").GetString()!;
        WitnessName = enrolment.GetProperty("witnessKey").GetString()!.Split('+')[0];
        _root = root;
        Broker = broker;
        Cloud = cloud;
        _config = config;
        DockId = dockId;
        CloudUploads = new CloudUploads(cloud.Database, dockId);
        CloudCustody = new CloudCustody(cloud.Database, dockId, Origin);
        Subscriber = subscriber;
    }

    public MosquittoBroker Broker { get; }

    public CloudProcess Cloud { get; }

    /// <summary>This dock's uploads as the cloud's database holds them.</summary>
    public CloudUploads CloudUploads { get; }

    /// <summary>This dock's custody log as the cloud mirrors and cosigns it.</summary>
    public CloudCustody CloudCustody { get; }

    public MosquittoSubscriber Subscriber { get; }

    public string DockId { get; }

    /// <summary>The checkpoint origin (and dock key name) the cloud assigned at enrolment.</summary>
    public string Origin { get; }

    /// <summary>The cloud witness's key name, as in its cosignature lines.</summary>
    public string WitnessName { get; }

    public string Simulation => Path.Combine(_root, "sim");

    public string Data => Path.Combine(_root, "data");

    /// <summary>The dock's configuration file (written from the enrolment answer).</summary>
    public string ConfigFile => _config;

    public DockProcess? Dock { get; private set; }

    /// <param name="settings">Extra dock configuration (e.g. Sync:MaxBytesPerSecond) on top of the enrolment's.</param>
    /// <param name="cloudEnvironment">Extra environment variables for the cloud's first start (e.g. the test-only crash point).</param>
    public static async Task<EndToEndRig> StartAsync(
        IReadOnlyDictionary<string, object>? settings = null, IReadOnlyDictionary<string, string>? cloudEnvironment = null)
    {
        var root = Directory.CreateTempSubdirectory("dockgw-e2e-").FullName;
        var broker = await MosquittoBroker.StartAsync();
        CloudProcess? cloud = null;
        try
        {
            cloud = await CloudProcess.StartAsync("e2e", cloudEnvironment);
            return await StartDockSideAsync(root, broker, cloud, settings);
        }
        catch
        {
            // A rig that could not be set up (e.g. a start timing out on a starved machine) leaves no process behind.
            if (cloud is not null)
            {
                await cloud.DisposeAsync();
            }

            await broker.DisposeAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private static async Task<EndToEndRig> StartDockSideAsync(
        string root, MosquittoBroker broker, CloudProcess cloud, IReadOnlyDictionary<string, object>? settings)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(root, "sim", "slots"));
        byte[] publicKey;
        using (var key = KeyFile.LoadOrCreate(Path.Combine(data, "dock.key")))
        {
            publicKey = key.PublicKey;
        }

        var enrolment = await cloud.EnrolDockAsync(publicKey, agency: "E2E", site: "E2E station", officerCount: 4);
        var dockId = enrolment.GetProperty("dockId").GetString()!;
        var sync = new Dictionary<string, object>
        {
            ["CloudUrl"] = cloud.BaseAddress.ToString(),
            ["ReceiptKey"] = enrolment.GetProperty("receiptKey").GetString()!,
            ["WitnessKey"] = enrolment.GetProperty("witnessKey").GetString()!,
            ["WitnessInterval"] = "00:00:01",
            ["RetryDelay"] = "00:00:00.200",
            ["RetryAttempts"] = 2,
        };
        var configuration = new Dictionary<string, object>
        {
            ["Dock"] = new Dictionary<string, object>
            {
                ["DockId"] = dockId,
                ["Agency"] = enrolment.GetProperty("agency").GetString()!,
                ["Origin"] = enrolment.GetProperty("origin").GetString()!,
                ["CheckpointInterval"] = "00:00:01",
            },
            ["Mqtt"] = new Dictionary<string, object> { ["Host"] = broker.Host, ["Port"] = broker.Port, ["ReconnectDelayMin"] = "00:00:00.100", ["ReconnectDelayMax"] = "00:00:01" },
            ["Sync"] = sync,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, object>())
        {
            var (section, name) = (key[..key.IndexOf(':', StringComparison.Ordinal)], key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            ((Dictionary<string, object>)configuration[section])[name] = value;
        }

        var config = Path.Combine(root, "dock.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(configuration));
        var subscriber = await MosquittoSubscriber.StartAsync(broker, "dockgateway/#", durableClientId: "e2e-" + Guid.NewGuid().ToString("N")[..12]);
        await Task.Delay(1500); // mosquitto autosaves every second: the durable subscription survives a broker SIGKILL from here on
        return new EndToEndRig(root, broker, cloud, config, enrolment, subscriber);
    }

    /// <param name="environment">Extra environment variables (e.g. the test-only crash point).</param>
    /// <param name="command">What runs the dock instead of the built DockGateway.Device.dll (see <see cref="DockProcess"/>).</param>
    public DockProcess StartDock(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? command = null)
    {
        Dock?.Dispose();
        Dock = new DockProcess(Simulation, Data, ["--config", _config], environment, command: command);
        return Dock;
    }

    public void InsertRecorder(int slot, VirtualRecorder recorder) =>
        recorder.InsertInto(Path.Combine(Simulation, "slots", slot.ToString(CultureInfo.InvariantCulture)));

    public string SlotState(int slot)
    {
        var path = Path.Combine(Simulation, "slots", slot.ToString(CultureInfo.InvariantCulture), "state.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("state").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return string.Empty;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails with <paramref name="what"/> and the dock's log tail.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout} for {what}; dock log:\n{Dock?.Tail}");
            }

            if (Dock is { HasExited: true })
            {
                throw new InvalidOperationException($"the dock exited while waiting for {what}:\n{Dock.Tail}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Failed upload attempts the dock counted in sync.db, over every file.</summary>
    public long UploadAttempts() =>
        ReadOnlySqlite.Query(Path.Combine(Data, "sync.db"), "SELECT COALESCE(SUM(attempts), 0) FROM uploads", r => r.GetInt64(0)).FirstOrDefault();

    /// <summary>Files in the dock's upload queue (sync.db), whatever their state; 0 when sync.db does not exist yet.</summary>
    public long QueuedUploads() =>
        File.Exists(Path.Combine(Data, "sync.db"))
            ? ReadOnlySqlite.Query(Path.Combine(Data, "sync.db"), "SELECT COUNT(*) FROM uploads", r => r.GetInt64(0)).FirstOrDefault()
            : 0;

    /// <summary>The distinct SHA-256 of every file the dock ingested (its custody database).</summary>
    public IReadOnlySet<string> IngestedSha256() => CustodyQuery("SELECT DISTINCT sha256 FROM ingested_files", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Custody entry types in log order.</summary>
    public IReadOnlyList<string> CustodyTypes() => CustodyQuery("SELECT type FROM entries ORDER BY idx", r => r.GetString(0));

    /// <summary>The parsed JSON of every custody entry of <paramref name="type"/>.</summary>
    public IReadOnlyList<JsonElement> CustodyEntries(string type) =>
        CustodyQuery("SELECT json FROM entries WHERE type = $type ORDER BY idx", r => JsonDocument.Parse((byte[])r[0]).RootElement.Clone(), ("$type", type));

    /// <summary>(entries in the log, size of the latest checkpoint, whether that one is witness-cosigned).</summary>
    public (long Entries, long CheckpointSize, bool Cosigned) CheckpointState()
    {
        var entries = CustodyQuery("SELECT COUNT(*) FROM entries", r => r.GetInt64(0)).FirstOrDefault();
        var latest = CustodyQuery("SELECT size, cosigned_note IS NOT NULL FROM checkpoints ORDER BY size DESC LIMIT 1", r => (r.GetInt64(0), r.GetInt64(1) == 1));
        return latest.Count == 0 ? (entries, 0, false) : (entries, latest[0].Item1, latest[0].Item2);
    }

    /// <summary>The latest checkpoint note in its most complete (cosigned) form.</summary>
    public string? LatestCosignedNote() =>
        CustodyQuery("SELECT cosigned_note FROM checkpoints WHERE cosigned_note IS NOT NULL ORDER BY size DESC LIMIT 1", r => r.GetString(0)).FirstOrDefault();

    /// <summary>How many checkpoints the dock has signed.</summary>
    public long SignedCheckpointCount() => CustodyQuery("SELECT COUNT(*) FROM checkpoints", r => r.GetInt64(0)).FirstOrDefault();

    /// <summary>The leaf hash (hex) of every entry of the dock's custody log, in log order.</summary>
    public IReadOnlyList<string> CustodyLeaves() => CustodyQuery("SELECT leaf FROM entries ORDER BY idx", r => Convert.ToHexStringLower((byte[])r[0]));

    /// <summary>Every checkpoint the dock recorded as witness-cosigned: (size, root hash in hex).</summary>
    public IReadOnlyList<(long Size, string RootHash)> CosignedCheckpoints() =>
        CustodyQuery("SELECT size, root FROM checkpoints WHERE cosigned_note IS NOT NULL ORDER BY size", r => (r.GetInt64(0), Convert.ToHexStringLower((byte[])r[1])));

    /// <summary>Every event the dock wrote to its outbox: (key, sent).</summary>
    public IReadOnlyList<(string Key, bool Sent)> OutboxEvents() =>
        ReadOnlySqlite.Query(Path.Combine(Data, "outbox.db"), "SELECT key, sent_at IS NOT NULL FROM outbox ORDER BY id", r => (r.GetString(0), r.GetInt64(1) == 1));

    /// <summary>
    /// True when every ingested file is stored in the cloud, the dock logged the cloud's receipt for each
    /// (an <c>uploaded</c> entry), and the whole log is covered by a cosigned checkpoint.
    /// </summary>
    public bool EverythingInTheCloud(int expectedFiles)
    {
        var ingested = IngestedSha256();
        var stored = CloudUploads.Completed().Where(u => u.Stored).Select(u => u.Sha256).ToHashSet(StringComparer.Ordinal);
        var (entries, size, cosigned) = CheckpointState();
        var uploaded = CustodyEntries("uploaded").Select(e => e.GetProperty("sha256").GetString()!).ToHashSet(StringComparer.Ordinal);
        return ingested.Count == expectedFiles && ingested.IsSubsetOf(stored) && ingested.IsSubsetOf(uploaded) && entries == size && cosigned;
    }

    /// <summary>
    /// Waits until <see cref="EverythingInTheCloud"/> holds and still holds at the same checkpoint size
    /// <paramref name="settle"/> later: the witness round that cosigns the last checkpoint appends a
    /// <c>witnessed</c> entry and signs one more checkpoint, which must be cosigned too before an export
    /// carries a witnessed latest checkpoint.
    /// </summary>
    public async Task WaitUntilWitnessedAtRestAsync(int expectedFiles, TimeSpan timeout, TimeSpan settle)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await WaitUntilAsync(() => EverythingInTheCloud(expectedFiles), "every file in the cloud and a cosigned checkpoint", deadline - DateTime.UtcNow);
            var size = CheckpointState().CheckpointSize;
            await Task.Delay(settle);
            if (EverythingInTheCloud(expectedFiles) && CheckpointState().CheckpointSize == size)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dock?.Dispose();
        await Subscriber.DisposeAsync();
        await Cloud.DisposeAsync();
        await Broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private List<T> CustodyQuery<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters) =>
        ReadOnlySqlite.Query(Path.Combine(Data, "custody.db"), sql, read, parameters);
}
