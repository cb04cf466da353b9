using System.Text.Json;
using DockGateway.Integration.Tests.Custody;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// The real dock process (simulation mode) wired to a real mosquitto and the real cloud process, each
/// enrolled and configured the way demo.sh does it; faults are injected by killing real processes.
/// </summary>
public sealed class DockToCloudTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    [RequiresFact(Needs.Mosquitto)]
    public async Task Ingested_recorders_reach_the_cloud_exactly_once_with_events_on_the_broker_and_a_cosigned_checkpoint()
    {
        await using var rig = await EndToEndRig.StartAsync();
        var random = new Random(4242);
        var first = VirtualRecorder.Create("E2E-CAM-A", random, generatedFiles: 3, maxBytes: 256 * 1024);
        var second = VirtualRecorder.Create("E2E-CAM-B", random, generatedFiles: 3, maxBytes: 256 * 1024);
        var expected = first.Files.Values.Concat(second.Files.Values).Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        rig.StartDock();
        rig.InsertRecorder(1, first);
        rig.InsertRecorder(2, second);

        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done" && rig.SlotState(2) == "done", "both slots done", s_timeout);
        await rig.WaitUntilAsync(() => rig.EverythingInTheCloud(expected.Count), "every file in the cloud and a cosigned checkpoint", s_timeout);

        Assert.Equal(expected, rig.IngestedSha256());
        var stored = rig.CloudUploads.Completed().Where(u => u.Stored).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Select(u => u.Sha256).Order(StringComparer.Ordinal));
        AssertUploadedOnce(rig, expected);
        var note = rig.LatestCosignedNote()!;
        Assert.StartsWith(rig.Origin + "\n", note, StringComparison.Ordinal);
        Assert.Contains("\n— " + rig.Origin + " ", note, StringComparison.Ordinal);
        Assert.Contains("\n— " + rig.WitnessName + " ", note, StringComparison.Ordinal);
        foreach (var kind in new[] { "inserted", "ingested", "uploaded", "witnessed" })
        {
            await rig.Subscriber.WaitForLineAsync(l => l.Contains("/events ", StringComparison.Ordinal) && l.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        }

        await rig.Subscriber.WaitForLineAsync(l => l.Contains("/slots/2 ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await rig.Subscriber.WaitForLineAsync(l => l.Contains("/status ", StringComparison.Ordinal) && l.Contains("\"online\":true", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_broker_killed_and_restarted_mid_ingest_loses_no_event()
    {
        await using var rig = await EndToEndRig.StartAsync();
        var random = new Random(777);
        var recorder = VirtualRecorder.Create("E2E-CAM-MQ", random, generatedFiles: 12, maxBytes: 1024 * 1024);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);

        await rig.Subscriber.WaitForLineAsync(l => l.Contains("\"kind\":\"inserted\"", StringComparison.Ordinal), s_timeout);
        await rig.Broker.KillAsync();
        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done while the broker is down", s_timeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var unsentWhileDown = rig.OutboxEvents().Count(e => !e.Sent);
        await rig.Broker.StartAgainAsync();

        await rig.WaitUntilAsync(() => rig.OutboxEvents() is { Count: > 0 } events && events.All(e => e.Sent), "the outbox to drain after the broker came back", s_timeout);
        Assert.True(unsentWhileDown > 0, "events written while the broker was down should have waited in the outbox");
        foreach (var (key, _) in rig.OutboxEvents())
        {
            await rig.Subscriber.WaitForLineAsync(l => l.Contains("/events ", StringComparison.Ordinal) && l.Contains($"\"key\":\"{key}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Uploads_resume_and_complete_after_the_cloud_was_down_for_a_while()
    {
        await using var rig = await EndToEndRig.StartAsync(Throttled);
        var recorder = VirtualRecorder.Create("E2E-CAM-NET", new Random(99), generatedFiles: 4, maxBytes: 1536 * 1024);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);

        await rig.WaitUntilAsync(() => rig.CloudUploads.Partial() > 0 || rig.CloudUploads.Completed().Count > 0, "the first upload to begin", s_timeout);
        await rig.Cloud.KillAsync();
        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done while the cloud is down", s_timeout);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await rig.Cloud.StartAgainAsync();

        await rig.WaitUntilAsync(() => rig.EverythingInTheCloud(expected.Count), "every file in the cloud after it came back", s_timeout);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rig.CloudUploads.Completed().Where(u => u.Stored).Select(u => u.Sha256).Order(StringComparer.Ordinal));
        AssertUploadedOnce(rig, expected);
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task A_dock_killed_during_an_upload_announces_its_will_and_after_restart_resumes_with_every_file_in_the_cloud_exactly_once()
    {
        await using var rig = await EndToEndRig.StartAsync(Throttled);
        var recorder = VirtualRecorder.Create("E2E-CAM-KILL", new Random(1234), generatedFiles: 3, maxBytes: 1536 * 1024);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);

        await rig.WaitUntilAsync(() => rig.CloudUploads.Partial() > 0, "an upload in progress", s_timeout);
        rig.Dock!.Kill();
        var completedBeforeKill = rig.CloudUploads.Completed().Count;
        await rig.Subscriber.WaitForLineAsync(l => l.Contains("/status ", StringComparison.Ordinal) && l.Contains("\"online\":false", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        rig.StartDock();

        await rig.WaitUntilAsync(() => rig.EverythingInTheCloud(expected.Count), "every file in the cloud after the restart", s_timeout);
        Assert.True(completedBeforeKill < expected.Count, "the kill should have come before every upload finished");
        // The interrupted upload was resumed at its offset (tus HEAD), not started again: one upload per file.
        Assert.All(rig.CloudUploads.PerFile(), u => Assert.True(u.Value == 1, $"{u.Key} has {u.Value} uploads in the cloud"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), rig.CloudUploads.Completed().Where(u => u.Stored).Select(u => u.Sha256).Order(StringComparer.Ordinal));
        AssertUploadedOnce(rig, expected);
        Assert.Equal("done", rig.SlotState(1));
    }

    /// <summary>Slow uploads (256 KiB/s in 64 KiB chunks), so there is an upload in flight to interrupt.</summary>
    private static Dictionary<string, object> Throttled => new()
    {
        ["Sync:MaxBytesPerSecond"] = 256 * 1024,
        ["Sync:ChunkBytes"] = 64 * 1024,
    };

    /// <summary>Each file has exactly one <c>uploaded</c> custody entry, and nothing else was uploaded.</summary>
    private static void AssertUploadedOnce(EndToEndRig rig, IReadOnlySet<string> expected)
    {
        var uploaded = rig.CustodyEntries("uploaded").Select(e => e.GetProperty("sha256").GetString()!).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), uploaded.Order(StringComparer.Ordinal));
        Assert.All(rig.CustodyEntries("uploaded"), e => Assert.Equal(JsonValueKind.String, e.GetProperty("receipt").ValueKind));
    }
}
