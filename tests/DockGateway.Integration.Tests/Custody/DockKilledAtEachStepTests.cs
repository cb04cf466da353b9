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
        var root = Directory.CreateTempSubdirectory("dockgw-step-").FullName;
        try
        {
            var sim = Path.Combine(root, "sim");
            var data = Path.Combine(root, "data");
            var slot = Path.Combine(sim, "slots", "1");
            var recorder = VirtualRecorder.Create("STEP-" + step.ToUpperInvariant(), new Random(7), generatedFiles: 3, maxBytes: 2 * 1024 * 1024);
            recorder.InsertInto(slot);

            using (var dying = new DockProcess(sim, data, s_arguments, new Dictionary<string, string> { [CrashPoint.Variable] = step }))
            {
                Assert.True(dying.WaitForExit(TimeSpan.FromSeconds(60)), $"the dock did not die at '{step}':\n{dying.Tail}");
                output.WriteLine(dying.Tail);
                Assert.Contains($"killing the process at step '{step}'", dying.Tail, StringComparison.Ordinal);
            }

            using (var dock = new DockProcess(sim, data, s_arguments))
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

            var volume = Path.Combine(slot, "volume");
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
