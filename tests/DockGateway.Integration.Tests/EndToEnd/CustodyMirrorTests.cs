using DockGateway.Integration.Tests.Custody;
using DockGateway.Provisioning;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// Issue 8 item 3: the cloud's copy of a dock's custody log keeps up with what the cloud cosigned — when the
/// cosigned sizes fall between entry batches, after a cloud outage, and when the dock or the cloud dies at
/// each witness step (the test-only <see cref="CrashPoint"/>). The mirror must equal the dock's log up to
/// the cosigned size, with no entry twice, and the dock's audit bundle must still verify.
/// </summary>
public sealed class CustodyMirrorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string> WitnessSteps => new(CrashPoint.WitnessSteps);

    /// <summary>Batches of 5 entries: the checkpoints the dock signs every second seldom end on a batch boundary.</summary>
    private static Dictionary<string, object> SmallBatches => new() { ["Sync:EntryBatchSize"] = 5 };

    [RequiresFact(Needs.Mosquitto)]
    public async Task The_cloud_mirrors_every_entry_up_to_the_cosigned_size_when_cosigned_sizes_fall_between_batches()
    {
        await using var rig = await EndToEndRig.StartAsync(SmallBatches);
        var recorder = VirtualRecorder.Create("MIRROR-CAM", new Random(11), generatedFiles: 16, maxBytes: 64 * 1024);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);

        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done", s_timeout);
        await WaitForMirrorAsync(rig, DistinctFiles(recorder));

        Assert.True(rig.CloudCustody.EntryCount() > 3 * 20, $"only {rig.CloudCustody.EntryCount()} entries mirrored");
        AssertMirrorEqualsTheDocksLog(rig);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task The_cloud_catches_up_after_an_outage_during_which_the_dock_signed_several_checkpoints()
    {
        await using var rig = await EndToEndRig.StartAsync(SmallBatches);
        var recorders = new[] { ("OUTAGE-CAM-A", 2), ("OUTAGE-CAM-B", 12), ("OUTAGE-CAM-C", 12) }
            .Select((r, i) => VirtualRecorder.Create(r.Item1, new Random(12 + i), generatedFiles: r.Item2, maxBytes: 64 * 1024)).ToArray();
        rig.StartDock();
        rig.InsertRecorder(1, recorders[0]);
        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done", s_timeout);
        await WaitForMirrorAsync(rig, DistinctFiles(recorders[0]));
        var mirroredBefore = rig.CloudCustody.EntryCount();
        var checkpointsBefore = rig.SignedCheckpointCount();

        await rig.Cloud.KillAsync();
        rig.InsertRecorder(2, recorders[1]);
        await rig.WaitUntilAsync(() => rig.SlotState(2) == "done", "slot 2 done while the cloud is down", s_timeout);
        rig.InsertRecorder(3, recorders[2]);
        await rig.WaitUntilAsync(() => rig.SlotState(3) == "done", "slot 3 done while the cloud is down", s_timeout);
        await Task.Delay(TimeSpan.FromSeconds(3)); // several witness rounds fail against the dead cloud
        var signedWhileDown = rig.SignedCheckpointCount() - checkpointsBefore;
        await rig.Cloud.StartAgainAsync();

        await WaitForMirrorAsync(rig, DistinctFiles(recorders));
        Assert.True(signedWhileDown >= 2, $"the dock signed {signedWhileDown} checkpoints while the cloud was down");
        Assert.True(rig.CloudCustody.EntryCount() > mirroredBefore + 2 * 24, $"{rig.CloudCustody.EntryCount()} entries mirrored, {mirroredBefore} before the outage");
        AssertMirrorEqualsTheDocksLog(rig);
    }

    [RequiresTheory(Needs.Mosquitto)]
    [MemberData(nameof(WitnessSteps))]
    public async Task The_mirror_is_complete_and_the_audit_verifies_when_a_process_dies_at_this_witness_step(string step)
    {
        await using var rig = await EndToEndRig.StartAsync(SmallBatches);
        var crash = new Dictionary<string, string> { [CrashPoint.Variable] = step };
        var cloudDies = step.StartsWith("cloud-", StringComparison.Ordinal);
        if (cloudDies)
        {
            await rig.Cloud.KillAsync();
            await rig.Cloud.StartAgainAsync(crash);
        }

        rig.StartDock(cloudDies ? null : crash);
        var recorder = VirtualRecorder.Create("WSTEP-" + step.ToUpperInvariant(), new Random(21), generatedFiles: 6, maxBytes: 64 * 1024);
        rig.InsertRecorder(1, recorder);

        await WaitForDeathAsync(() => cloudDies ? rig.Cloud.HasExited : rig.Dock!.HasExited, step);
        var tail = cloudDies ? rig.Cloud.Tail : rig.Dock!.Tail;
        output.WriteLine(tail);
        Assert.Contains($"killing the process at step '{step}'", tail, StringComparison.Ordinal);
        if (cloudDies)
        {
            await rig.Cloud.StartAgainAsync();
        }
        else
        {
            rig.StartDock();
        }

        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done after the restart", s_timeout);
        await WaitForMirrorAsync(rig, DistinctFiles(recorder));
        rig.Dock!.Stop(TimeSpan.FromSeconds(20));
        AssertMirrorEqualsTheDocksLog(rig);
        AssertTheAuditBundleVerifies(rig);
    }

    private static int DistinctFiles(params VirtualRecorder[] recorders) =>
        recorders.SelectMany(r => r.Files.Values).Select(f => f.Sha256).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Waits until every file is uploaded and the log is at rest: every entry under the latest checkpoint,
    /// that checkpoint cosigned, and the cloud holding every entry up to it.
    /// </summary>
    private static Task WaitForMirrorAsync(EndToEndRig rig, int files) =>
        rig.WaitUntilAsync(() =>
        {
            var size = rig.CheckpointState().CheckpointSize;
            return rig.EverythingInTheCloud(files) && rig.CloudCustody.LatestCosignedSize() == size && rig.CloudCustody.EntryCount() == size;
        }, "the cloud to mirror the whole cosigned log", s_timeout);

    private static void AssertMirrorEqualsTheDocksLog(EndToEndRig rig)
    {
        var cosigned = rig.CosignedCheckpoints();
        var size = cosigned[^1].Size;
        Assert.Equal(size, rig.CloudCustody.LatestCosignedSize());
        var mirror = rig.CloudCustody.Entries();
        Assert.Equal(Enumerable.Range(0, (int)size).Select(i => (long)i), mirror.Select(e => e.Index));
        Assert.Equal(rig.CustodyLeaves().Take((int)size), mirror.Select(e => e.LeafHash));
        var cloudCheckpoints = rig.CloudCustody.Checkpoints().ToDictionary(c => c.Size, c => c.RootHash);
        Assert.All(cosigned, c => Assert.Equal(c.RootHash, cloudCheckpoints.GetValueOrDefault(c.Size)));
    }

    private static async Task WaitForDeathAsync(Func<bool> exited, string step)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!exited())
        {
            Assert.True(DateTime.UtcNow < deadline, $"nothing died at '{step}' within {s_timeout}");
            await Task.Delay(100);
        }

        await Task.Delay(500); // the last lines of standard error arrive after the exit
    }

    private void AssertTheAuditBundleVerifies(EndToEndRig rig)
    {
        var bundle = Path.Combine(Path.GetDirectoryName(rig.Data)!, "bundle");
        Assert.Equal(ExitCodes.Ok, Dockctl("audit", "export", "--data", rig.Data, "--out", bundle));
        using var key = KeyFile.Read(Path.Combine(rig.Data, "dock.key"));
        Assert.Equal(ExitCodes.Ok, Dockctl("audit", "verify", bundle, "--key", new NoteSigner(rig.Origin, key).VerifierKey, "--footage", Path.Combine(rig.Data, "footage")));
    }

    private int Dockctl(params string[] args) => DockctlAudit.Run(output.WriteLine, args);
}
