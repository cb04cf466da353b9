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
}
