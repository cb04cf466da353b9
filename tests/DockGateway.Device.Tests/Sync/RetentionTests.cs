using DockGateway.Device.Sync;
using DockGateway.Device.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

public sealed class RetentionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-retention-").FullName;

    [Fact]
    public void Footage_is_deleted_only_after_acknowledgement_and_the_retention_days()
    {
        var footage = Path.Combine(_directory, "footage");
        Directory.CreateDirectory(footage);
        File.WriteAllText(Path.Combine(footage, "acked.mp4"), "a");
        File.WriteAllText(Path.Combine(footage, "pending.mp4"), "p");
        var time = new ManualTime(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        backlog.Enqueue(1, new string('a', 64), 1, "acked.mp4", "SN");
        backlog.Enqueue(2, new string('b', 64), 1, "pending.mp4", "SN");
        backlog.MarkAcknowledged(1, "receipt", time.GetUtcNow());
        var retention = new FootageRetention(backlog, footage, new SyncOptions { RetainDays = 30 }, time, NullLogger<FootageRetention>.Instance);

        time.Now = time.Now.AddDays(29);
        Assert.Equal(0, retention.Sweep());
        Assert.True(File.Exists(Path.Combine(footage, "acked.mp4")));

        time.Now = time.Now.AddDays(1);
        Assert.Equal(1, retention.Sweep());
        Assert.False(File.Exists(Path.Combine(footage, "acked.mp4")));
        Assert.Equal(UploadState.Deleted, backlog.Find(1)!.State);

        time.Now = time.Now.AddDays(3650);
        Assert.Equal(0, retention.Sweep());
        Assert.True(File.Exists(Path.Combine(footage, "pending.mp4"))); // never acknowledged: never deleted
    }

    [Fact]
    public void A_stored_path_escaping_the_footage_directory_is_never_deleted()
    {
        var footage = Path.Combine(_directory, "footage");
        Directory.CreateDirectory(footage);
        var outside = Path.Combine(_directory, "outside.txt");
        File.WriteAllText(outside, "x");
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        backlog.Enqueue(1, new string('a', 64), 1, "../outside.txt", null);
        backlog.MarkAcknowledged(1, "receipt", time.GetUtcNow());
        var retention = new FootageRetention(backlog, footage, new SyncOptions { RetainDays = 0 }, time, NullLogger<FootageRetention>.Instance);
        Assert.Equal(0, retention.Sweep());
        Assert.True(File.Exists(outside));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
