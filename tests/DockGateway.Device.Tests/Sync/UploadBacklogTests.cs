using DockGateway.Device.Sync;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

public sealed class UploadBacklogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-backlog-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_newly_queued_file_wakes_an_idle_worker_and_a_repeated_entry_does_not()
    {
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        var idle = backlog.ItemAdded;
        Assert.False(idle.IsCompleted);

        Assert.True(backlog.Enqueue(7, new string('a', 64), 10, "r/a.mp4", "CAM-1"));
        Assert.True(idle.IsCompleted);

        var again = backlog.ItemAdded;
        Assert.False(backlog.Enqueue(7, new string('a', 64), 10, "r/a.mp4", "CAM-1"));
        Assert.False(again.IsCompleted);
        Assert.Equal(7, backlog.NextPending(DateTimeOffset.UtcNow)!.Entry);
    }

    [Fact]
    public void Pending_bytes_and_the_oldest_ingest_count_only_what_still_waits()
    {
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        var first = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Null(backlog.OldestQueuedAt);
        Assert.Equal(0, backlog.QueueBytes);

        backlog.Enqueue(1, new string('a', 64), 1000, "r/1.mp4", "CAM-1", first);
        backlog.Enqueue(2, new string('b', 64), 300, "r/2.mp4", "CAM-1", first.AddHours(2));
        backlog.Enqueue(3, new string('c', 64), 20, "r/3.mp4", "CAM-1"); // queued by an older version: no time

        Assert.Equal((3, 1320L, first), (backlog.QueueLength, backlog.QueueBytes, backlog.OldestQueuedAt));
        backlog.MarkAcknowledged(1, "receipt", first.AddHours(3));
        Assert.Equal((2, 320L, first.AddHours(2)), (backlog.QueueLength, backlog.QueueBytes, backlog.OldestQueuedAt));
    }
}
