using System.Diagnostics;
using DockGateway.Device.Custody;
using DockGateway.Device.Sync;
using DockGateway.Device.Tests.Status;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Custody;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

/// <summary>The upload queue follows the custody log without the ingest path ever waiting for sync.db.</summary>
public sealed class UploadQueueReconcilerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-enqueue-").FullName;
    private readonly Ed25519PrivateKey _key = Ed25519PrivateKey.Generate();

    private string SyncDb => Path.Combine(_directory, "sync.db");

    private CustodyLog OpenLog(params ICustodyObserver[] observers) =>
        new(CustodyStore.Open(_directory), new CheckpointSigner("agency.dockgateway/dock-1", _key), "dock-1", 1000, TimeProvider.System, observers,
            NullLogger<CustodyLog>.Instance);

    private static UploadQueueReconciler Reconciler(UploadBacklog backlog, CustodyLog log, UploadEnqueuer enqueuer) =>
        new(backlog, log, enqueuer, TimeProvider.System, NullLogger<UploadQueueReconciler>.Instance);

    [Fact]
    public async Task Ingest_is_not_held_up_while_another_connection_holds_sync_db_and_the_file_is_queued_once_it_lets_go()
    {
        using var backlog = new UploadBacklog(SyncDb);
        var enqueuer = new UploadEnqueuer();
        using var log = OpenLog(enqueuer);
        var reconciler = Reconciler(backlog, log, enqueuer);
        await reconciler.StartAsync(CancellationToken.None);
        try
        {
            using var locker = new SqliteConnection($"Data Source={SyncDb};Pooling=false");
            locker.Open();
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO sync_state (name, value) VALUES ('held', 1);";
                begin.ExecuteNonQuery(); // sync.db's write lock, held: every insert waits its busy timeout (10 s)
            }

            var clock = Stopwatch.StartNew();
            var record = log.Append(TestEntries.Ingested(new string('c', 64), 4, "c.mp4"));
            clock.Stop();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the custody append waited {clock.Elapsed} for sync.db");
            Assert.Null(backlog.Find(record.Index));
            using (var rollback = locker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }

            await StatusTestRig.WaitUntilAsync(() => backlog.Find(record.Index) is not null, "the ingested file queued after the lock was released");
        }
        finally
        {
            await reconciler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_file_committed_to_custody_but_never_queued_before_a_crash_is_queued_at_the_next_start()
    {
        long index;
        using (var log = OpenLog()) // the process dies after the custody commit, before anything reached sync.db
        {
            index = log.Append(TestEntries.Ingested(new string('d', 64), 4, "d.mp4")).Index;
        }

        using var backlog = new UploadBacklog(SyncDb);
        var enqueuer = new UploadEnqueuer();
        using var restarted = OpenLog(enqueuer);
        var reconciler = Reconciler(backlog, restarted, enqueuer);
        await reconciler.StartAsync(CancellationToken.None);
        try
        {
            await StatusTestRig.WaitUntilAsync(() => backlog.Find(index) is not null, "the ingested file queued at start");
            var item = backlog.Find(index)!;
            Assert.Equal((new string('d', 64), 4L, "d.mp4", UploadState.Pending), (item.Sha256, item.Size, item.Stored, item.State));
            Assert.Equal(restarted.Size, backlog.GetState(UploadQueueReconciler.WatermarkState));
        }
        finally
        {
            await reconciler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_pass_queues_only_ingested_entries_after_the_watermark_and_twice_changes_nothing()
    {
        using var backlog = new UploadBacklog(SyncDb);
        using var log = OpenLog();
        var reconciler = Reconciler(backlog, log, new UploadEnqueuer());
        log.Append(TestEntries.Inserted());
        var first = log.Append(TestEntries.Ingested(new string('e', 64), 4, "e.mp4")).Index;

        Assert.Equal(1, reconciler.Reconcile());
        Assert.Equal(0, reconciler.Reconcile());
        var second = log.Append(TestEntries.Ingested(new string('f', 64), 5, "f.mp4")).Index;
        Assert.Equal(1, reconciler.Reconcile());
        Assert.Equal([first, second], new[] { first, second }.Where(i => backlog.Find(i) is not null));
        Assert.Equal(2, backlog.QueueLength);
    }

    [Fact]
    public void An_unreadable_ingested_entry_is_passed_over_and_the_files_after_it_are_still_queued()
    {
        using (var log = OpenLog())
        {
            log.Append(TestEntries.Inserted());
        }

        var bad = "{\"type\":\"ingested\",\"sha256\":\"00\"}"u8.ToArray();
        using (var connection = new SqliteConnection($"Data Source={CustodyStore.PathIn(_directory)};Pooling=false"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO entries(idx, type, json, leaf) VALUES (1, 'ingested', $json, $leaf)";
            insert.Parameters.AddWithValue("$json", bad);
            insert.Parameters.AddWithValue("$leaf", Shared.Merkle.MerkleHash.Leaf(bad));
            insert.ExecuteNonQuery();
        }

        using var backlog = new UploadBacklog(SyncDb);
        using var reopened = OpenLog();
        var good = reopened.Append(TestEntries.Ingested(new string('g', 64), 4, "g.mp4")).Index;

        Assert.Equal(1, Reconciler(backlog, reopened, new UploadEnqueuer()).Reconcile());
        Assert.Null(backlog.Find(1));
        Assert.NotNull(backlog.Find(good));
    }

    public void Dispose()
    {
        _key.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
