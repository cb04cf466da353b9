using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Provisioning;
using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// Issue 2 item 9, proof by killing: the real dock ingests several recorders while it is SIGKILLed at
/// random moments and restarted, recorders being swapped as they finish; afterwards every source file
/// must be accounted for by the verified custody log and the store. Seed: DOCKGW_KILL_SEED to replay.
/// </summary>
public sealed class DockSurvivesKillsTests(ITestOutputHelper output) : IDisposable
{
    private const int Slots = 3;
    private const int Kills = 22;
    private const string Origin = "agency.dockgateway/dock-1"; // the dock's default origin
    private static readonly string[] s_dockArguments = ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:CheckpointInterval", "00:00:01"];

    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-kill-").FullName;
    private readonly List<VirtualRecorder> _recorders = [];
    private readonly Dictionary<int, VirtualRecorder> _inSlot = [];
    private readonly Dictionary<(string Serial, string Path), string> _leftOnRecorder = [];
    private Random _random = new(0);

    private string Sim => Path.Combine(_root, "sim");

    private string Data => Path.Combine(_root, "data");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_file_is_accounted_for_after_SIGKILLs_at_random_moments_during_ingest()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DOCKGW_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        _random = new Random(seed);
        Log($"kill test: seed {seed} (replay with DOCKGW_KILL_SEED={seed}), {Slots} slots, {Kills} kills, dock {DockProcess.DeviceDll}");
        var watch = Stopwatch.StartNew();
        for (var slot = 1; slot <= Slots; slot++)
        {
            InsertNewRecorder(slot);
        }

        var moments = new List<int>();
        var midIngest = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            var started = DateTime.UtcNow;
            using var dock = new DockProcess(Sim, Data, s_dockArguments);
            WaitUntilActive(dock, started); // the kill moment counts from the dock's first slot update, not from process start
            var moment = _random.Next(0, 1500);
            Thread.Sleep(moment);
            Assert.False(dock.HasExited, $"the dock exited by itself:\n{dock.Tail}");
            dock.Kill();
            moments.Add(moment);
            midIngest += Enumerable.Range(1, Slots).Any(n => State(n) is { State: not ("done" or "error" or "refused") }) ? 1 : 0;
            SwapFinishedRecorders(insertNew: true);
        }

        Log($"{Kills} SIGKILLs at ms after the dock's first slot update: {string.Join(' ', moments)}; {midIngest} of them while a slot was mid-ingest");
        DrainWithoutKills();
        var ingestTime = watch.Elapsed;

        var bundle = Path.Combine(_root, "bundle");
        Assert.Equal(ExitCodes.Ok, Dockctl("audit", "export", "--data", Data, "--out", bundle));
        using var key = KeyFile.Read(Path.Combine(Data, "dock.key"));
        var pinned = new NoteSigner(Origin, key).VerifierKey;
        Assert.Equal(ExitCodes.Ok, Dockctl("audit", "verify", bundle, "--key", pinned, "--footage", Path.Combine(Data, "footage")));

        AccountForEverySourceFile(bundle);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "incoming"), "*", SearchOption.AllDirectories));
        Log($"done in {watch.Elapsed.TotalSeconds:F0} s (ingest and kills {ingestTime.TotalSeconds:F0} s)");
    }

    private void AccountForEverySourceFile(string bundle)
    {
        var entries = File.ReadAllLines(Path.Combine(bundle, "entries.jsonl"))
            .Select((line, i) => AuditEntry.TryParse(i, System.Text.Encoding.UTF8.GetBytes(line), out _)!)
            .ToList();
        var ingested = entries.Where(e => e.Type == "ingested").ToList();
        var erasures = entries.Where(e => e.Type is "erased" or "reconciled").ToList();
        var sameBytesTwice = ingested.GroupBy(e => e.Sha256).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(sameBytesTwice.Count == 0, $"footage ingested more than once: {string.Join(", ", sameBytesTwice)}");

        int files = 0, own = 0, duplicates = 0;
        long bytes = 0;
        foreach (var recorder in _recorders)
        {
            foreach (var (path, (sha, size)) in recorder.Files)
            {
                files++;
                bytes += size;
                var where = $"{recorder.Serial}:{path}";
                if (_leftOnRecorder.TryGetValue((recorder.Serial, path), out var leftSha))
                {
                    Assert.True(leftSha == sha, $"{where} is still on the recorder but altered");
                    continue;
                }

                var mine = ingested.Where(e => e.Recorder == recorder.Serial && e.Path == path).ToList();
                var erased = erasures.Where(e => e.Recorder == recorder.Serial && e.Path == path).ToList();
                Assert.True(erased.Count <= 1, $"{where} was erased {erased.Count} times");
                var asDuplicate = erased.Select(e => entries[int.Parse(e.Field("ingested")!, CultureInfo.InvariantCulture)])
                    .Where(i => i.Recorder != recorder.Serial || i.Path != path).ToList();
                Assert.True(mine.Count + asDuplicate.Count == 1,
                    $"{where} left its recorder with {mine.Count} ingested entries and {asDuplicate.Count} duplicate erasures (expected exactly one in all)");
                var custody = mine.Count == 1 ? mine[0] : asDuplicate[0];
                Assert.True(custody.Sha256 == sha, $"{where}: entry {custody.Index} says sha256 {custody.Sha256}, the source was {sha}");
                var stored = Path.Combine(Data, "footage", custody.Stored!);
                Assert.True(File.Exists(stored), $"{where}: stored copy {custody.Stored} is missing");
                Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stored))));
                own += mine.Count;
                duplicates += asDuplicate.Count;
            }
        }

        Log($"{_recorders.Count} recorders, {files} source files ({bytes / 1e6:F0} MB): {own} ingested, {duplicates} erased as duplicates of footage "
            + $"already in custody, {_leftOnRecorder.Count} left on a recorder; {erasures.Count(e => e.Type == "reconciled")} reconciled after a crash; "
            + $"custody log {entries.Count} entries");
    }

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
        SwapFinishedRecorders(insertNew: false);
    }

    private void SwapFinishedRecorders(bool insertNew)
    {
        foreach (var slot in Enumerable.Range(1, Slots).Where(Finished).ToList())
        {
            var recorder = _inSlot[slot];
            var volume = Path.Combine(SlotDirectory(slot), "volume");
            foreach (var path in recorder.Files.Keys.Where(p => File.Exists(Path.Combine(volume, p))))
            {
                _leftOnRecorder[(recorder.Serial, path)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(volume, path))));
            }

            File.Delete(Path.Combine(SlotDirectory(slot), "recorder.json"));
            Directory.Delete(SlotDirectory(slot), recursive: true);
            _inSlot.Remove(slot);
            if (insertNew)
            {
                InsertNewRecorder(slot);
            }
        }
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

    private int Dockctl(params string[] args)
    {
        var root = new RootCommand("dockctl");
        root.Subcommands.Add(AuditCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DockctlInvocation.Run(root, args, stdout, stderr);
        Log($"dockctl {args[0]} {args[1]} -> {code}\n{stdout}{stderr}");
        return code;
    }

    private void Log(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
