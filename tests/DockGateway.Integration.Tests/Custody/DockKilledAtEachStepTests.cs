using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Device.Ingest;
using DockGateway.Provisioning;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Processes;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// The custody invariant, step by step: the real dock is SIGKILLed (by itself, through the test-only
/// <see cref="CrashPoint"/>) exactly between each pair of steps of the first file's ingest, then started
/// again; afterwards nothing is lost, every file is stored once with a committed entry whose SHA-256
/// matches, the recorder is wiped and the auditor's verifier passes.
/// </summary>
public sealed class DockKilledAtEachStepTests(ITestOutputHelper output)
{
    private const string Origin = "agency.dockgateway/dock-1";
    private static readonly string[] s_arguments = ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:CheckpointInterval", "00:00:01"];

    public static TheoryData<string> Steps => new(CrashPoint.IngestSteps);

    [Theory]
    [MemberData(nameof(Steps))]
    public void Nothing_is_lost_when_the_dock_dies_at_this_step_and_starts_again(string step)
    {
        var recorder = VirtualRecorder.Create("STEP-" + step.ToUpperInvariant(), new Random(7), generatedFiles: 3, maxBytes: 2 * 1024 * 1024);
        KillThenRestart(recorder, step, [], new Dictionary<string, string> { [CrashPoint.Variable] = step }, afterDeath: null);
    }

    /// <summary>
    /// The pipelined read-back (Dock:VerifyRangeBytes 1 MiB) of a 16 MiB file is killed in its middle, while
    /// the copy goes on: the 12th range re-read is one of the big file's 6th to 12th ranges whatever order the
    /// walk takes (the other files add at most 6). Nothing of it is committed or erased before the restart.
    /// </summary>
    [Fact]
    public void Nothing_is_lost_or_erased_early_when_the_dock_dies_in_the_middle_of_a_pipelined_verification()
    {
        var recorder = VirtualRecorder.Create("STEP-MID-VERIFY", new Random(11), generatedFiles: 1, maxBytes: 2 * 1024 * 1024);
        const string Big = "DCIM/100MEDIA/REC_20261120_100000_0003.MP4";
        var content = RandomNumberGenerator.GetBytes(16 << 20);
        recorder.Add(Big, content);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        KillThenRestart(
            recorder,
            "verifying-range",
            ["--Dock:VerifyRangeBytes", "1048576"],
            new Dictionary<string, string> { [CrashPoint.Variable] = "verifying-range", [CrashPoint.OccurrenceVariable] = "12" },
            afterDeath: (volume, data) =>
            {
                Assert.True(File.Exists(Path.Combine(volume, Big)), "the file being verified was erased before its entry was committed");
                Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(data, "footage"), "*", SearchOption.AllDirectories), f => f.Contains(sha256[..12], StringComparison.Ordinal));
                var partial = Assert.Single(Directory.EnumerateFiles(Path.Combine(data, "incoming")));
                var written = File.ReadAllBytes(partial);
                Assert.InRange(written.Length, 6 << 20, content.Length);
                Assert.True(content.AsSpan(0, written.Length).SequenceEqual(written), "the temporary copy should be the big file's beginning");
            });
    }

    private void KillThenRestart(VirtualRecorder recorder, string step, string[] arguments, Dictionary<string, string> environment, Action<string, string>? afterDeath)
    {
        var root = Directory.CreateTempSubdirectory("dockgw-step-").FullName;
        try
        {
            var sim = Path.Combine(root, "sim");
            var data = Path.Combine(root, "data");
            var slot = Path.Combine(sim, "slots", "1");
            var volume = Path.Combine(slot, "volume");
            string[] args = [.. s_arguments, .. arguments];
            recorder.InsertInto(slot);

            using (var dying = new DockProcess(sim, data, args, environment))
            {
                Assert.True(dying.WaitForExit(TimeSpan.FromSeconds(60)), $"the dock did not die at '{step}':\n{dying.Tail}");
                output.WriteLine(dying.Tail);
                Assert.Contains($"killing the process at step '{step}'", dying.Tail, StringComparison.Ordinal);
            }

            afterDeath?.Invoke(volume, data);
            using (var dock = new DockProcess(sim, data, args))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (SlotState(slot) != "done")
                {
                    Assert.True(DateTime.UtcNow < deadline, $"slot not done after restart (state {SlotState(slot)}):\n{dock.Tail}");
                    Thread.Sleep(100);
                }

                Thread.Sleep(1500); // one checkpoint interval, so the export covers every entry
                dock.Stop(TimeSpan.FromSeconds(20));
            }

            Assert.Empty(Directory.EnumerateFiles(volume, "*", SearchOption.AllDirectories));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "incoming")));

            var bundle = Path.Combine(root, "bundle");
            Assert.Equal(ExitCodes.Ok, Dockctl("audit", "export", "--data", data, "--out", bundle));
            var entries = File.ReadAllLines(Path.Combine(bundle, "entries.jsonl")).Select((l, i) => CustodyEntryCodec.Decode(System.Text.Encoding.UTF8.GetBytes(l), i)).ToList();
            foreach (var (path, file) in recorder.Files)
            {
                var single = Assert.Single(entries.OfType<IngestedEntry>(), e => e.Sha256 == file.Sha256);
                Assert.Equal(path, single.Path);
                var stored = Path.Combine(data, "footage", single.Stored);
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stored))));
                Assert.Contains(entries, e => e is ErasedEntry erased ? erased.Sha256 == file.Sha256 : e is ReconciledEntry reconciled && reconciled.Sha256 == file.Sha256);
            }

            using var key = KeyFile.Read(Path.Combine(data, "dock.key"));
            Assert.Equal(ExitCodes.Ok, Dockctl("audit", "verify", bundle, "--key", new NoteSigner(Origin, key).VerifierKey, "--footage", Path.Combine(data, "footage")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string? SlotState(string slot)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(slot, "state.json")));
            return doc.RootElement.GetProperty("state").GetString();
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    private int Dockctl(params string[] args) => DockctlAudit.Run(output.WriteLine, args);
}
