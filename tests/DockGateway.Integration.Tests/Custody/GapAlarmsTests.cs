using System.Globalization;
using System.Text.Json;
using DockGateway.Device.Custody;
using DockGateway.Shared.Faults;
using DockGateway.Testing.Processes;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// Issue 8 item 4: "footage may have been deleted" (<c>gap</c>) only when a file really is missing. The
/// real dock reads a recorder's files in directory order; it is killed, or the recorder is pulled, after
/// some of them were ingested, and the next docking must not take those for missing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GapAlarmsTests(ITestOutputHelper output) : IDisposable
{
    private const int KilledAfter = 5;
    private static readonly string[] s_arguments = ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:CheckpointInterval", "00:00:01", "--Dock:MinFreeBytes", "0"];
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-gap-").FullName;

    private string Sim => Path.Combine(_root, "sim");

    private string Data => Path.Combine(_root, "data");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_dock_killed_after_some_files_reports_no_gap_and_ingests_all_twelve_once()
    {
        var recorder = NewRecorder("GAP-KILLED", Enumerable.Range(1, 12), 256 * 1024);

        KillAtCommit(recorder);
        Dock(recorder, d => recorder.WaitFor(s => s.State == "done", "done after the restart", d));

        var entries = Entries();
        AssertEachIngestedOnce(recorder, entries);
        Assert.True(Gaps(entries).Count == 0, $"gap entries although every file was there: {string.Join("; ", Gaps(entries))}");
    }

    [Fact]
    public void A_recorder_pulled_mid_ingest_and_put_back_reports_no_gap()
    {
        var recorder = NewRecorder("GAP-PULLED", Enumerable.Range(1, 12), 6 << 20);

        Dock(recorder, dock =>
        {
            recorder.WaitFor(s => s is { State: "ingesting", Done: >= 3 }, "3 files done", dock);
            recorder.Remove();
            recorder.WaitFor(s => s.State == "empty", "empty after the removal", dock);
            output.WriteLine($"pulled with {recorder.FilesLeft} of 12 files left on the recorder");
            Assert.InRange(recorder.FilesLeft, 1, 11);
            recorder.Insert();
            recorder.WaitFor(s => s.State == "done", "done after reinsertion", dock);
        });

        var entries = Entries();
        AssertEachIngestedOnce(recorder, entries);
        Assert.True(Gaps(entries).Count == 0, $"gap entries although every file was there: {string.Join("; ", Gaps(entries))}");
    }

    [Fact]
    public void A_file_really_missing_is_one_gap_reported_once_across_a_kill_and_the_next_docking()
    {
        var recorder = NewRecorder("GAP-MISSING", Enumerable.Range(1, 12).Where(n => n != 7), 256 * 1024);

        KillAtCommit(recorder);
        Dock(recorder, dock =>
        {
            recorder.WaitFor(s => s.State == "done", "done after the restart", dock);
            recorder.Remove();
            recorder.WaitFor(s => s.State == "empty", "empty after the removal", dock);
            recorder.Add([13], new Random(13), 256 * 1024);
            recorder.Insert();
            recorder.WaitFor(s => s.State == "done", "done at the next docking", dock);
        });

        var entries = Entries();
        AssertEachIngestedOnce(recorder, entries);
        Assert.Equal([(6L, 8L)], Gaps(entries));
    }

    private NumberedRecorder NewRecorder(string serial, IEnumerable<int> numbers, int bytes)
    {
        var slot = Path.Combine(Sim, "slots", "1");
        Directory.CreateDirectory(slot);
        var recorder = new NumberedRecorder(slot, serial);
        recorder.Add(numbers, new Random(serial.Length), bytes);
        var order = recorder.DirectoryOrder();
        output.WriteLine($"directory order: {string.Join(' ', order.Select(n => n[^8..^4]))}");
        Assert.NotEqual(order.Order(StringComparer.Ordinal), order); // else this test would not test the order
        recorder.Insert();
        return recorder;
    }

    /// <summary>The dock dies right after committing the <see cref="KilledAfter"/>-th file, before erasing it.</summary>
    private void KillAtCommit(NumberedRecorder recorder)
    {
        var environment = new Dictionary<string, string>
        {
            [CrashPoint.Variable] = "committed",
            [CrashPoint.OccurrenceVariable] = KilledAfter.ToString(CultureInfo.InvariantCulture),
        };
        using var dying = new DockProcess(Sim, Data, s_arguments, environment);
        Assert.True(dying.WaitForExit(TimeSpan.FromSeconds(60)), $"the dock did not die at the {KilledAfter}th commit:\n{dying.Tail}");
        Assert.Contains("killing the process at step 'committed'", dying.Tail, StringComparison.Ordinal);
        output.WriteLine($"killed after {KilledAfter} commits; {recorder.FilesLeft} files left on {recorder.Serial}");
    }

    private void Dock(NumberedRecorder recorder, Action<DockProcess> run)
    {
        using var dock = new DockProcess(Sim, Data, s_arguments);
        run(dock);
        dock.Stop(TimeSpan.FromSeconds(20));
        Assert.Equal(0, recorder.FilesLeft);
    }

    private List<JsonElement> Entries()
    {
        using var store = CustodyStore.OpenReadOnly(Data);
        var entries = store.Entries(0, store.EntryCount()).Select(r => JsonDocument.Parse(r.Json).RootElement.Clone()).ToList();
        foreach (var entry in entries)
        {
            output.WriteLine(entry.GetRawText());
        }

        return entries;
    }

    private static List<(long Previous, long Next)> Gaps(List<JsonElement> entries) =>
        entries.Where(e => Text(e, "type") == "gap").Select(e => (e.GetProperty("previous").GetInt64(), e.GetProperty("next").GetInt64())).ToList();

    private static void AssertEachIngestedOnce(NumberedRecorder recorder, List<JsonElement> entries)
    {
        foreach (var (path, sha256) in recorder.Files)
        {
            var ingested = entries.Where(e => Text(e, "type") == "ingested" && Text(e, "path") == path).ToList();
            Assert.True(ingested.Count == 1, $"{path} has {ingested.Count} ingested entries");
            Assert.Equal(sha256, Text(ingested[0], "sha256"));
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
