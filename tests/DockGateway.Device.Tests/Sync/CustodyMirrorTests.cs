using DockGateway.Device.Status;
using DockGateway.Device.Sync;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using DockGateway.Testing.Custody;
using DockGateway.Testing.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

/// <summary>The witnessing loop's custody mirror against the real cloud process (issue 8 item 3).</summary>
public sealed class CustodyMirrorTests : IAsyncLifetime
{
    private CloudProcess _cloud = null!;

    public async Task InitializeAsync() => _cloud = await CloudProcess.StartAsync("mirror");

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Batches_that_end_between_cosigned_sizes_reach_the_cloud_with_consistency_proofs()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        rig.Options.EntryBatchSize = 2;
        var witness = new WitnessLoop(rig.Http, rig.Log, rig.Backlog, rig.Options, TimeProvider.System, NullLogger<WitnessLoop>.Instance);
        Append(rig, 7);
        rig.Log.SignCheckpoint();

        Assert.Equal(7, await witness.RunOnceAsync(CancellationToken.None));

        Assert.Equal(7, CloudEntryCount(rig));
    }

    [Fact]
    public async Task A_refused_batch_is_reported_once_and_sent_again_only_after_a_doubling_back_off()
    {
        await using var rig = await SyncRig.StartAsync(_cloud);
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var logger = new RecordingLogger<WitnessLoop>();
        var directory = Directory.CreateTempSubdirectory("dockgw-mirror-").FullName;
        using var outbox = new EventOutbox(Path.Combine(directory, "outbox.db"), "metro", rig.Options.DockId, TimeProvider.System);
        var events = new DockEventWriter(outbox, NullLogger<DockEventWriter>.Instance);
        await events.StartAsync(CancellationToken.None);
        try
        {
            var witness = new WitnessLoop(rig.Http, rig.Log, rig.Backlog, rig.Options, time, logger, events);
            Append(rig, 3);
            rig.Log.SignCheckpoint();
            Assert.Equal(3, await witness.RunOnceAsync(CancellationToken.None));

            // The dock believes size 5 was cosigned; the cloud never cosigned it, so this batch is refused every time.
            Append(rig, 2);
            rig.Backlog.SetState(WitnessLoop.CosignedState, rig.Log.Size);
            const string Again = "refused entries";
            for (var round = 0; round < 3; round++)
            {
                await witness.RunOnceAsync(CancellationToken.None);
            }

            Assert.Equal(1, logger.Count(LogLevel.Error, "refused custody entries"));
            Assert.Equal(0, logger.Count(LogLevel.Debug, Again));
            time.Now += rig.Options.WitnessInterval; // back-off 1: one identical retry, refused again, not reported again
            await witness.RunOnceAsync(CancellationToken.None);
            await witness.RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, logger.Count(LogLevel.Debug, Again));
            time.Now += rig.Options.WitnessInterval; // back-off 2 is twice as long: nothing sent yet
            await witness.RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, logger.Count(LogLevel.Debug, Again));
            time.Now += rig.Options.WitnessInterval;
            await witness.RunOnceAsync(CancellationToken.None);
            Assert.Equal(2, logger.Count(LogLevel.Debug, Again));

            Assert.Equal(1, logger.Count(LogLevel.Error, "refused custody entries"));
            await DockGateway.Device.Tests.Status.StatusTestRig.WaitUntilAsync(() => outbox.QueueLength == 1, "the alert event");
            await Task.Delay(200);
            Assert.Equal(1, outbox.QueueLength);
            Assert.Equal(3, CloudEntryCount(rig));
        }
        finally
        {
            await events.StopAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Append(SyncRig rig, int count)
    {
        for (var i = 0; i < count; i++)
        {
            rig.Log.Append(TestEntries.Inserted(1 + i, "SN-MIRROR"));
        }
    }

    private static long CloudEntryCount(SyncRig rig) =>
        ReadOnlySqlite.Query(rig.Cloud.Database, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = $dock", r => r.GetInt64(0), ("$dock", rig.Options.DockId)).FirstOrDefault();
}
