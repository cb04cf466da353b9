using System.Security.Cryptography;
using DockGateway.Device.Ingest;
using DockGateway.Provisioning;
using DockGateway.Shared.Custody;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// Issue 2 item 9, proof by killing: after the dock was SIGKILLed at ≥ 20 random moments while
/// several recorders ingested (<see cref="KillScenario"/>, run once for these tests), every source
/// file must be accounted for by the verified custody log and the store. Each test lists every
/// problem it finds, not only the first.
/// </summary>
public sealed class DockSurvivesKillsTests(KillScenario run, ITestOutputHelper output) : IClassFixture<KillScenario>
{
    private List<Ingest> Ingested => run.Entries
        .Where(e => e.Entry is IngestedEntry)
        .Select(e => (e.Index, Entry: (IngestedEntry)e.Entry))
        .Select(e => new Ingest(e.Index, e.Entry.Sha256, e.Entry.Recorder, e.Entry.Path, e.Entry.Stored))
        .ToList();

    [Fact]
    public void No_file_is_missing_from_both_recorder_and_store_and_no_footage_is_ingested_twice()
    {
        output.WriteLine(run.Log());
        var problems = new List<string>();
        if (run.Entries.Count != run.DatabaseEntries)
        {
            problems.Add($"the bundle holds {run.Entries.Count} entries, custody.db {run.DatabaseEntries}: the last checkpoint does not cover the log");
        }

        var ingested = Ingested;
        problems.AddRange(ingested.GroupBy(e => e.Sha256).Where(g => g.Count() > 1)
            .Select(g => $"sha256 {g.Key} ingested {g.Count()} times (entries {string.Join(", ", g.Select(e => e.Index))})"));
        foreach (var (recorder, path, sha) in SourceFiles())
        {
            var where = $"{recorder}:{path}";
            if (run.LeftOnRecorder.TryGetValue((recorder, path), out var leftSha))
            {
                if (leftSha != sha)
                {
                    problems.Add($"{where} is still on the recorder but altered");
                }

                continue;
            }

            if (ingested.Count(e => e.Recorder == recorder && e.Path == path) > 1)
            {
                problems.Add($"{where} has more than one ingested entry");
            }

            // It left the recorder: its bytes must be in custody under a committed ingested entry, the stored copy matching.
            if (ingested.FirstOrDefault(e => e.Sha256 == sha) is not { } custody)
            {
                problems.Add($"{where} (sha256 {sha}) left its recorder and no ingested entry holds those bytes: LOST");
                continue;
            }

            var stored = Path.Combine(run.DataDirectory, "footage", custody.Stored);
            if (!File.Exists(stored) || Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stored))) != sha)
            {
                problems.Add($"{where}: the stored copy {custody.Stored} of entry {custody.Index} is missing or does not hash to {sha}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Every_file_that_left_a_recorder_was_named_first_by_one_ingested_entry_or_a_duplicate_entry()
    {
        output.WriteLine(run.Log());
        var ingested = Ingested;
        var problems = new List<string>();
        foreach (var (recorder, path, _) in SourceFiles().Where(f => !run.LeftOnRecorder.ContainsKey((f.Recorder, f.Path))))
        {
            // Its own ingested entry (exactly one), or, when identical bytes were already in custody, a
            // "duplicate" entry committed before the erasure (one more if a crash came before the erasure).
            var own = ingested.Count(e => e.Recorder == recorder && e.Path == path);
            var asDuplicate = run.Entries.Count(e => e.Entry is DuplicateEntry duplicate && duplicate.Recorder == recorder && duplicate.Path == path);
            if (!(own == 1 && asDuplicate == 0) && !(own == 0 && asDuplicate >= 1))
            {
                problems.Add($"{recorder}:{path} left its recorder named by {own} ingested entries and {asDuplicate} duplicate entries");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Dockctl_exports_and_verifies_the_killed_docks_custody_log()
    {
        output.WriteLine(run.Log());
        Assert.Equal(ExitCodes.Ok, run.ExportExitCode);
        Assert.Equal(ExitCodes.Ok, run.VerifyExitCode);
    }

    [Fact]
    public void Restarts_reconcile_what_the_kills_left_so_every_recorder_ends_wiped()
    {
        output.WriteLine(run.Log());
        var errors = run.Entries.Where(e => e.Entry is ErrorEntry).Select(e => $"entry {e.Index}: {e.Describe()}").ToList();
        Assert.True(run.LeftOnRecorder.Count == 0,
            $"{run.LeftOnRecorder.Count} files were still on recorders at the end; error entries:\n{string.Join('\n', errors)}");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(run.DataDirectory, "incoming"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void At_least_half_of_the_kills_land_mid_copy()
    {
        output.WriteLine(run.Log());
        var midCopy = run.Landings.GetValueOrDefault(KillLanding.MidCopy);
        Assert.True(2 * midCopy >= KillScenario.Kills, $"only {midCopy} of {KillScenario.Kills} kills landed mid-copy ({KillLanding.Describe(run.Landings)})");
    }

    [Fact]
    public void No_gap_is_reported_unless_a_file_really_is_missing()
    {
        output.WriteLine(run.Log());
        var numbers = run.Recorders.ToDictionary(
            r => r.Serial,
            r => r.Files.Keys.Select(p => FileNamePatterns.SequenceNumber(p[(p.LastIndexOf('/') + 1)..])).OfType<long>().ToHashSet());
        var unfounded = run.Entries
            .Where(e => e.Entry is GapEntry gap && (!numbers.TryGetValue(gap.Recorder, out var known)
                || Enumerable.Range(0, (int)(gap.MissingTo - gap.MissingFrom + 1)).Any(i => known.Contains(gap.MissingFrom + i))))
            .Select(e => $"entry {e.Index}: {e.Describe()}")
            .ToList();
        Assert.True(unfounded.Count == 0, $"{unfounded.Count} gap entries name files the recorder had:\n{string.Join('\n', unfounded)}");
    }

    private sealed record Ingest(long Index, string Sha256, string Recorder, string Path, string Stored);

    private IEnumerable<(string Recorder, string Path, string Sha256)> SourceFiles() =>
        run.Recorders.SelectMany(r => r.Files.Select(f => (r.Serial, f.Key, f.Value.Sha256)));
}
