using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// The kill run behind <see cref="DockSurvivesKillsTests"/>, done once for all its tests: the real dock
/// ingests recorders in three slots while it is SIGKILLed at seeded random moments and restarted;
/// between kills finished recorders are swapped for new ones and every seated recorder records new
/// footage (re-seeding), so the next start has copying to do when its kill comes (more of it after a
/// kill that found the dock idle); then it runs without kills until every slot is done
/// (or in error), stops, and its custody log is exported and verified with dockctl.
/// Replay a run with DOCKGW_KILL_SEED=&lt;seed&gt; (the seed is printed).
/// </summary>
public sealed class KillScenario : IDisposable
{
    public const int Kills = 22;
    private const int Slots = 3;
    private const int MaxFilesWaiting = 400;
    private const string Origin = "agency.dockgateway/dock-1"; // the dock's default origin
    private static readonly string[] s_dockArguments = ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:CheckpointInterval", "00:00:01"];

    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-kill-").FullName;
    private readonly List<VirtualRecorder> _recorders = [];
    private readonly Dictionary<int, VirtualRecorder> _inSlot = [];
    private readonly Dictionary<(string Serial, string Path), string> _leftOnRecorder = [];
    private readonly Random _random;
    private int _filesWaiting = 48; // per seated recorder after each re-seeding

    private string Sim => Path.Combine(_root, "sim");

    private string Data => Path.Combine(_root, "data");

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DOCKGW_KEEP") == "1")
        {
            Console.WriteLine($"kill test: kept {_root}");
            return;
        }

        Directory.Delete(_root, recursive: true);
    }

    public string Log() => string.Join('\n', Lines);

    public KillScenario()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKGW_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        _random = new Random(seed);
        Log($"kill test: seed {seed} (replay with DOCKGW_KILL_SEED={seed}), {Slots} slots, {Kills} kills, dock {BuiltProducts.Device}");
        var watch = Stopwatch.StartNew();
        for (var slot = 1; slot <= Slots; slot++)
        {
            InsertNewRecorder(slot);
        }

        Reseed();
        var moments = new List<int>();
        var midIngest = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var started = DateTime.UtcNow;
            using var dock = new DockProcess(Sim, Data, s_dockArguments);
            WaitUntilActive(dock, started); // the kill moment counts from the dock's first slot update, not from process start
            var moment = _random.Next(0, 1500);
            Thread.Sleep(moment);
            if (dock.HasExited)
            {
                throw new InvalidOperationException($"the dock exited by itself:\n{dock.Tail}");
            }

            dock.Kill();
            moments.Add(moment);
            midIngest += Enumerable.Range(1, Slots).Any(n => State(n) is { State: not ("done" or "error" or "refused") }) ? 1 : 0;
            var landing = KillLanding.Of(Data, Enumerable.Range(1, Slots).Select(n => State(n)?.State));
            Landings[landing] = Landings.GetValueOrDefault(landing) + 1;
            if (landing == KillLanding.Idle)
            {
                _filesWaiting = Math.Min(2 * _filesWaiting, MaxFilesWaiting); // this machine ingests faster than the kills come
            }

            SwapFinishedRecorders(insertNew: true);
            Reseed();
        }

        Log($"{Kills} SIGKILLs at ms after the dock's first slot update: {string.Join(' ', moments)}; {midIngest} of them while a slot was mid-ingest");
        Log($"kills landed: {KillLanding.Describe(Landings)}; re-seeded to {_filesWaiting} files waiting per recorder at the end");
        DrainWithoutKills();
        Log($"ingest with kills and drain: {watch.Elapsed.TotalSeconds:F0} s");

        Bundle = Path.Combine(_root, "bundle");
        ExportExitCode = Dockctl("audit", "export", "--data", Data, "--out", Bundle);
        using var key = KeyFile.Read(Path.Combine(Data, "dock.key"));
        var pinned = new NoteSigner(Origin, key).VerifierKey;
        VerifyExitCode = Dockctl("audit", "verify", Bundle, "--key", pinned, "--footage", Path.Combine(Data, "footage"));
        if (OperatingSystem.IsLinux())
        {
            using var store = DockGateway.Device.Custody.CustodyStore.OpenReadOnly(Data);
            DatabaseEntries = store.EntryCount();
        }

        Entries = File.Exists(Path.Combine(Bundle, "entries.jsonl"))
            ? File.ReadAllLines(Path.Combine(Bundle, "entries.jsonl")).Select((line, i) => AuditEntry.TryParse(i, Encoding.UTF8.GetBytes(line), out _)!).ToList()
            : [];
        Log($"{Recorders.Count} recorders, {Recorders.Sum(r => r.Files.Count)} source files ({Recorders.Sum(r => r.Files.Values.Sum(f => f.Size)) / 1e6:F0} MB), "
            + $"{LeftOnRecorder.Count} still on a recorder; custody log {Entries.Count} entries: "
            + string.Join(", ", Entries.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))
            + $"; total {watch.Elapsed.TotalSeconds:F0} s");
    }

    public List<string> Lines { get; } = [];

    /// <summary>How many kills landed where (<see cref="KillLanding"/>).</summary>
    public Dictionary<string, int> Landings { get; } = [];

    public List<VirtualRecorder> Recorders => _recorders;

    /// <summary>Files still on a recorder when it was taken out or at the end, with the SHA-256 they had then.</summary>
    public Dictionary<(string Serial, string Path), string> LeftOnRecorder => _leftOnRecorder;

    public string Bundle { get; }

    public int ExportExitCode { get; }

    public int VerifyExitCode { get; }

    public IReadOnlyList<AuditEntry> Entries { get; }

    /// <summary>Entries in the dock's custody.db after the final stop (the bundle should hold them all).</summary>
    public long DatabaseEntries { get; }

    public string DataDirectory => Data;

    private void WaitUntilActive(DockProcess dock, DateTime started)
    {
        var watch = Stopwatch.StartNew();
        while (!Enumerable.Range(1, Slots).Any(n => State(n) is { } st && st.Updated >= started))
        {
            Assert.False(dock.HasExited, $"the dock exited by itself:\n{dock.Tail}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the dock updated no slot within 30 s of starting:\n{dock.Tail}");
            Thread.Sleep(10);
        }
    }

    private void DrainWithoutKills()
    {
        using var dock = new DockProcess(Sim, Data, s_dockArguments);
        var deadline = Stopwatch.StartNew();
        while (!Enumerable.Range(1, Slots).All(Finished))
        {
            Assert.False(dock.HasExited, $"the dock exited by itself:\n{dock.Tail}");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120),
                $"slots not finished after 120 s: {string.Join("; ", Enumerable.Range(1, Slots).Select(n => $"{n}={State(n)}"))}\n{dock.Tail}");
            Thread.Sleep(100);
        }

        Thread.Sleep(2500); // one more Dock:CheckpointInterval, so a signed checkpoint covers every entry
        dock.Stop(TimeSpan.FromSeconds(15));
        foreach (var slot in Enumerable.Range(1, Slots))
        {
            TakeOut(slot);
        }
    }

    /// <summary>Every seated recorder records new footage until it holds <see cref="_filesWaiting"/> files.</summary>
    private void Reseed()
    {
        foreach (var (slot, recorder) in _inSlot)
        {
            var volume = Path.Combine(SlotDirectory(slot), "volume");
            var waiting = Directory.Exists(volume) ? Directory.EnumerateFiles(volume, "*", SearchOption.AllDirectories).Count() : 0;
            if (waiting < _filesWaiting)
            {
                recorder.Record(SlotDirectory(slot), _random, _filesWaiting - waiting, 512 << 10);
            }
        }
    }

    /// <summary>Swaps recorders that are done for new ones; a recorder in error stays, for the restart to sort out.</summary>
    private void SwapFinishedRecorders(bool insertNew)
    {
        foreach (var slot in Enumerable.Range(1, Slots).Where(n => _inSlot.TryGetValue(n, out var r) && State(n) is { State: "done" } st && st.Recorder == r.Serial).ToList())
        {
            TakeOut(slot);
            if (insertNew)
            {
                InsertNewRecorder(slot);
            }
        }
    }

    /// <summary>Unplugs the slot's recorder, remembering (with their hashes) any files still on it.</summary>
    private void TakeOut(int slot)
    {
        if (!_inSlot.TryGetValue(slot, out var recorder))
        {
            return;
        }

        var volume = Path.Combine(SlotDirectory(slot), "volume");
        foreach (var path in recorder.Files.Keys.Where(p => File.Exists(Path.Combine(volume, p))))
        {
            _leftOnRecorder[(recorder.Serial, path)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(volume, path))));
        }

        File.Delete(Path.Combine(SlotDirectory(slot), "recorder.json"));
        Directory.Delete(SlotDirectory(slot), recursive: true);
        _inSlot.Remove(slot);
    }

    private bool Finished(int slot) =>
        !_inSlot.TryGetValue(slot, out var recorder)
        || (State(slot) is { } state && state.Recorder == recorder.Serial && state.State is "done" or "error" or "refused");

    private void InsertNewRecorder(int slot)
    {
        var recorder = VirtualRecorder.Create(string.Create(CultureInfo.InvariantCulture, $"KILL-{_recorders.Count + 1:D3}"), _random, 24, 3 << 20);
        Directory.CreateDirectory(SlotDirectory(slot));
        recorder.InsertInto(SlotDirectory(slot));
        _recorders.Add(recorder);
        _inSlot[slot] = recorder;
    }

    private string SlotDirectory(int slot) => Path.Combine(Sim, "slots", slot.ToString(CultureInfo.InvariantCulture));

    private (string? State, string? Recorder, DateTime Updated)? State(int slot)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SlotDirectory(slot), "state.json")));
            var root = doc.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var updated = DateTime.TryParse(Text("updated"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var u) ? u : DateTime.MinValue;
            return (Text("state"), Text("recorder"), updated);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private int Dockctl(params string[] args) => DockctlAudit.Run(Log, args);

    private void Log(string line)
    {
        Lines.Add(line);
        Console.WriteLine(line);
    }
}
