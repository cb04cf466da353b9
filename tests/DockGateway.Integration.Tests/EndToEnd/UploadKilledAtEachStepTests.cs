using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Integration.Tests.Custody;
using DockGateway.Shared.Faults;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// The upload's steps, one kill each: the real cloud (or the real dock) SIGKILLs itself through the
/// test-only <see cref="CrashPoint"/> exactly between two steps of finishing an upload, and is started
/// again without it. Afterwards every file is completed in the cloud exactly once with a blob whose
/// SHA-256 matches, the dock logged exactly one <c>uploaded</c> entry per file, and the dock's retries
/// while it waited stayed few (its <c>attempts</c> counter), not a tight loop.
/// </summary>
public sealed class UploadKilledAtEachStepTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    /// <summary>Failed attempts allowed over the whole test (outage and recovery included), for all files together.</summary>
    private const long MaxAttempts = 40;

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_the_last_offset_is_committed() => CloudDiesAtAsync("cloud-offset-committed");

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_the_partial_is_fsynced() => CloudDiesAtAsync("cloud-blob-synced");

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_the_blob_is_renamed() => CloudDiesAtAsync("cloud-blob-renamed");

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_the_blob_is_committed() => CloudDiesAtAsync("cloud-blob-committed");

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_the_upload_is_completed() => CloudDiesAtAsync("cloud-completed");

    [RequiresFact(Needs.Mosquitto)]
    public Task Every_file_completes_once_when_the_cloud_dies_after_signing_the_receipt() => CloudDiesAtAsync("cloud-receipt-signed");

    [RequiresFact(Needs.Mosquitto)]
    public async Task One_uploaded_entry_per_file_when_the_dock_dies_after_logging_it()
    {
        await using var rig = await EndToEndRig.StartAsync();
        var recorder = VirtualRecorder.Create("KILL-UPLOADED-LOGGED", new Random(31), generatedFiles: 3, maxBytes: 512 * 1024);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        var dying = rig.StartDock(new Dictionary<string, string> { [CrashPoint.Variable] = "uploaded-logged" });
        rig.InsertRecorder(1, recorder);

        Assert.True(await Task.Run(() => dying.WaitForExit(s_timeout)), $"the dock did not die at 'uploaded-logged':\n{dying.Tail}");
        Assert.Contains("killing the process at step 'uploaded-logged'", dying.Tail, StringComparison.Ordinal);
        Assert.Single(rig.CustodyEntries("uploaded"));
        rig.StartDock();

        await WaitForEverythingAsync(rig, expected);
        AssertCompletedOnce(rig, expected);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Every_file_is_uploaded_once_when_the_dock_dies_between_the_custody_commit_and_the_upload_queue()
    {
        await using var rig = await EndToEndRig.StartAsync();
        var recorder = VirtualRecorder.Create("KILL-UPLOAD-QUEUEING", new Random(37), generatedFiles: 3, maxBytes: 512 * 1024);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        var dying = rig.StartDock(new Dictionary<string, string> { [CrashPoint.Variable] = "upload-queueing" });
        rig.InsertRecorder(1, recorder);

        Assert.True(await Task.Run(() => dying.WaitForExit(s_timeout)), $"the dock did not die at 'upload-queueing':\n{dying.Tail}");
        Assert.Contains("killing the process at step 'upload-queueing'", dying.Tail, StringComparison.Ordinal);
        Assert.NotEmpty(rig.CustodyEntries("ingested"));
        Assert.Equal(0, rig.QueuedUploads()); // committed to custody, in no upload queue: the window under test
        rig.StartDock();

        await WaitForEverythingAsync(rig, expected);
        AssertCompletedOnce(rig, expected);
    }

    private static async Task CloudDiesAtAsync(string step)
    {
        await using var rig = await EndToEndRig.StartAsync(cloudEnvironment: new Dictionary<string, string> { [CrashPoint.Variable] = step });
        var recorder = VirtualRecorder.Create("KILL-" + step.ToUpperInvariant(), new Random(17), generatedFiles: 3, maxBytes: 512 * 1024);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);

        await rig.WaitUntilAsync(() => rig.Cloud.HasExited, $"the cloud to die at '{step}'", s_timeout);
        Assert.Contains($"killing the process at step '{step}'", rig.Cloud.Tail, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the dock meets the outage
        await rig.Cloud.StartAgainAsync();

        await WaitForEverythingAsync(rig, expected);
        AssertCompletedOnce(rig, expected);
    }

    /// <summary>Waits for every file to be in the cloud and receipted, failing at once when the dock's retries run away.</summary>
    private static async Task WaitForEverythingAsync(EndToEndRig rig, HashSet<string> expected)
    {
        var started = DateTime.UtcNow;
        await rig.WaitUntilAsync(() =>
        {
            var attempts = rig.UploadAttempts();
            Assert.True(attempts <= MaxAttempts,
                $"the dock made {attempts} failed upload attempts in {(DateTime.UtcNow - started).TotalSeconds:F0} s (at most {MaxAttempts} allowed); dock log:\n{rig.Dock?.Tail}");
            return rig.EverythingInTheCloud(expected.Count);
        }, "every file in the cloud with its receipt logged", s_timeout);
    }

    private static void AssertCompletedOnce(EndToEndRig rig, HashSet<string> expected)
    {
        Assert.All(rig.CloudUploads.PerFile(), u => Assert.True(u.Value == 1, $"{u.Key} has {u.Value} uploads in the cloud"));
        var completed = rig.CloudUploads.Completed();
        Assert.Equal(expected.Order(StringComparer.Ordinal), completed.Where(u => u.Stored).Select(u => u.Sha256).Order(StringComparer.Ordinal));
        foreach (var sha256 in expected)
        {
            var blob = Path.Combine(rig.Cloud.Directory, "data", "blobs", "sha256", sha256[..2], sha256[2..4], sha256);
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(blob))));
        }

        var uploaded = rig.CustodyEntries("uploaded").Select(e => e.GetProperty("sha256").GetString()!).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), uploaded.Order(StringComparer.Ordinal));
        Assert.All(rig.CustodyEntries("uploaded"), e => Assert.Equal(JsonValueKind.String, e.GetProperty("receipt").ValueKind));
    }
}
