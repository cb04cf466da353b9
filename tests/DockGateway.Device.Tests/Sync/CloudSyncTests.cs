using System.Text;
using System.Text.Json;
using DockGateway.Device.Sync;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Processes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

/// <summary>The dock's sync against the real cloud process (Kestrel on 127.0.0.1, SQLite).</summary>
public sealed class CloudSyncTests : IAsyncLifetime
{
    private CloudProcess _cloud = null!;

    public async Task InitializeAsync() => _cloud = await CloudProcess.StartAsync("sync");

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task An_interrupted_upload_resumes_at_the_server_offset_and_the_verified_receipt_is_logged_as_uploaded()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var item = rig.Ingest("REC_20261120_083012_0001.MP4", "2026/11/20/REC_0001.MP4");
        Assert.Equal(1, rig.Backlog.QueueLength);

        // The first attempt dies after one chunk: create the upload and send 8 KiB of it.
        var created = await rig.Tus.CreateAsync(item, CancellationToken.None);
        Assert.Equal(201, created.Status);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(rig.FootageDirectory, item.Stored));
        var first = await rig.Tus.PatchAsync(created.Location!, 0, bytes.AsMemory(0, 8192), CancellationToken.None);
        Assert.Equal(204, first.Status);
        rig.Backlog.SetUploadUrl(item.Entry, created.Location!.ToString());

        Assert.True(await rig.Worker.UploadAsync(rig.Backlog.Find(item.Entry)!, CancellationToken.None));

        var acknowledged = rig.Backlog.Find(item.Entry)!;
        Assert.Equal(UploadState.Acknowledged, acknowledged.State);
        Assert.Equal(0, rig.Backlog.QueueLength);
        var receipt = rig.Backlog.Receipt(item.Entry)!;
        var opened = NoteVerification.Open(receipt, [NoteVerifier.Parse(rig.Options.ReceiptKey!)]);
        Assert.Contains($"sha256 {item.Sha256}\n", opened.Text, StringComparison.Ordinal);

        var last = rig.Log.Entries(rig.Log.Size - 1, rig.Log.Size).Single();
        Assert.Equal("uploaded", last.Type);
        using var entry = JsonDocument.Parse(last.Json);
        Assert.Equal(item.Entry, entry.RootElement.GetProperty("entry").GetInt64());
        Assert.Equal(receipt, entry.RootElement.GetProperty("receipt").GetString());
    }

    [Fact]
    public async Task An_upload_the_cloud_finished_before_the_dock_heard_back_is_acknowledged_from_its_receipt_on_resume()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var item = rig.Ingest("REC_20261120_083012_0001.MP4", "2026/11/20/REC_0001.MP4");

        // The dock sent every byte, then died before it read the cloud's answer (the receipt).
        var created = await rig.Tus.CreateAsync(item, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(rig.FootageDirectory, item.Stored));
        var last = await rig.Tus.PatchAsync(created.Location!, 0, bytes, CancellationToken.None);
        Assert.NotNull(last.Receipt);
        rig.Backlog.SetUploadUrl(item.Entry, created.Location!.ToString());

        Assert.True(await rig.Worker.UploadAsync(rig.Backlog.Find(item.Entry)!, CancellationToken.None));

        Assert.Equal(UploadState.Acknowledged, rig.Backlog.Find(item.Entry)!.State);
        Assert.Equal("uploaded", rig.Log.Entries(rig.Log.Size - 1, rig.Log.Size).Single().Type);
    }

    [Fact]
    public async Task Footage_queued_while_the_cloud_is_unreachable_is_uploaded_once_it_is_back()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        await rig.Worker.StartAsync(CancellationToken.None);
        try
        {
            await _cloud.KillAsync();
            var item = rig.Ingest("REC_20261120_083012_0001.MP4", "offline.MP4");
            await Status.StatusTestRig.WaitUntilAsync(() => rig.Backlog.Find(item.Entry)!.Attempts >= 1, "a failed attempt while the cloud is down");
            Assert.Equal(UploadState.Pending, rig.Backlog.Find(item.Entry)!.State);

            await _cloud.StartAgainAsync();
            await Status.StatusTestRig.WaitUntilAsync(() => rig.Backlog.Find(item.Entry)!.State == UploadState.Acknowledged, "the upload after the cloud returned");
            Assert.Equal(1, rig.Worker.Acknowledged);
        }
        finally
        {
            await rig.Worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_file_corrupted_on_the_dock_is_rejected_by_the_cloud_not_acknowledged_and_retried_from_scratch()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var item = rig.Ingest("REC_20261120_090540_0002.MP4", "REC_0002.MP4");
        var path = Path.Combine(rig.FootageDirectory, item.Stored);
        var good = await File.ReadAllBytesAsync(path);
        var bad = (byte[])good.Clone();
        bad[^100] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bad);

        Assert.False(await rig.Worker.UploadAsync(item, CancellationToken.None));
        var failed = rig.Backlog.Find(item.Entry)!;
        Assert.Equal(UploadState.Pending, failed.State);
        Assert.Null(failed.UploadUrl); // the cloud deleted the upload (422): start over
        Assert.Equal(1, failed.Attempts);

        await File.WriteAllBytesAsync(path, good);
        Assert.True(await rig.Worker.UploadAsync(rig.Backlog.Find(item.Entry)!, CancellationToken.None));
        Assert.Equal(UploadState.Acknowledged, rig.Backlog.Find(item.Entry)!.State);
    }

    [Fact]
    public async Task Checkpoints_are_cosigned_with_consistency_proofs_and_a_stale_size_is_resynchronised()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var witness = new WitnessLoop(rig.Http, rig.Log, rig.Backlog, rig.Options, TimeProvider.System, NullLogger<WitnessLoop>.Instance);
        rig.Ingest("REC_20261120_083012_0001.MP4", "a.MP4");
        var first = rig.Log.SignCheckpoint()!;
        Assert.Equal(first.Size, await witness.RunOnceAsync(CancellationToken.None));
        var stored = rig.Log.LatestCheckpoint()!;
        Assert.NotNull(stored.CosignedNote);
        var cosigned = SignedNote.Parse(stored.CosignedNote!);
        Assert.True(cosigned.Signatures.Count >= 2, "the note should carry the dock's signature and the witness cosignature");

        // More entries, then a round as if the dock had lost its record of what was cosigned.
        rig.Ingest("REC_20261120_090540_0002.MP4", "b.MP4");
        var second = rig.Log.SignCheckpoint()!;
        rig.Backlog.SetState(WitnessLoop.CosignedState, 0);
        Assert.Equal(second.Size, await witness.RunOnceAsync(CancellationToken.None));
        Assert.NotNull(rig.Log.LatestCheckpoint()!.CosignedNote);
        Assert.Contains(rig.Log.Entries(0, rig.Log.Size), r => r.Type == "witnessed");
    }

    [Fact]
    public async Task A_checkpoint_the_witness_refuses_raises_an_alert_and_is_not_retried()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var directory = Directory.CreateTempSubdirectory("dockgw-forged-").FullName;
        try
        {
            // A log with the enrolled origin but signed by a key the cloud has never seen.
            using var otherKey = DockGateway.Shared.Crypto.Ed25519PrivateKey.Generate();
            using var forged = new DockGateway.Device.Custody.CustodyLog(
                DockGateway.Device.Custody.CustodyStore.Open(directory), new DockGateway.Device.Custody.CheckpointSigner(rig.Origin, otherKey),
                rig.Options.DockId, 1000, TimeProvider.System, [], NullLogger<DockGateway.Device.Custody.CustodyLog>.Instance);
            forged.Append(DockGateway.Testing.Custody.TestEntries.Inserted(1, "SN-X"));
            var checkpoint = forged.SignCheckpoint()!;

            using var outbox = new DockGateway.Device.Status.EventOutbox(Path.Combine(directory, "outbox.db"), "metro", rig.Options.DockId, TimeProvider.System);
            var events = new DockGateway.Device.Status.DockEventWriter(outbox, NullLogger<DockGateway.Device.Status.DockEventWriter>.Instance);
            await events.StartAsync(CancellationToken.None);
            var witness = new WitnessLoop(rig.Http, forged, rig.Backlog, rig.Options, TimeProvider.System, NullLogger<WitnessLoop>.Instance, events);

            Assert.Equal(0, await witness.RunOnceAsync(CancellationToken.None));
            Assert.Equal(checkpoint.Size, rig.Backlog.GetState(WitnessLoop.RefusedState));
            Assert.Null(forged.LatestCheckpoint()!.CosignedNote);
            await DockGateway.Device.Tests.Status.StatusTestRig.WaitUntilAsync(() => outbox.QueueLength == 1, "the alert event");
            Assert.Contains("\"kind\":\"error\"", Encoding.UTF8.GetString(outbox.ReadUnsent(0, 10).Single().Payload), StringComparison.Ordinal);

            Assert.Equal(0, await witness.RunOnceAsync(CancellationToken.None)); // not sent again: no retry loop
            await Task.Delay(200);
            Assert.Equal(1, outbox.QueueLength);
            await events.StopAsync(CancellationToken.None);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
