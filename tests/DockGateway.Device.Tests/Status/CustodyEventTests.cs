using DockGateway.Device.Custody;
using DockGateway.Device.Status;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Custody;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Status;

public sealed class CustodyEventTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-custody-events-").FullName;
    private readonly Ed25519PrivateKey _key = Ed25519PrivateKey.Generate();

    private CustodyLog OpenLog(params ICustodyObserver[] observers) =>
        new(CustodyStore.Open(_directory), new CheckpointSigner("metro.dockgateway/dock-7", _key), "dock-7", 64, TimeProvider.System, observers, NullLogger<CustodyLog>.Instance);

    private EventOutbox OpenOutbox() => new(Path.Combine(_directory, "outbox.db"), "metro", "dock-7", TimeProvider.System);

    [Fact]
    public async Task Appended_custody_entries_reach_the_outbox_through_the_observer_without_blocking_the_append()
    {
        using var outbox = OpenOutbox();
        var writer = new DockEventWriter(outbox, NullLogger<DockEventWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        using (var log = OpenLog(new CustodyEventForwarder(writer)))
        {
            log.Append(TestEntries.Inserted(1));
            log.Append(TestEntries.Removed(1)); // bookkeeping: no event
            log.Append(Shared.Custody.GapEntry.Between(1, "SN-1", 3, 5));
        }

        await StatusTestRig.WaitUntilAsync(() => outbox.QueueLength == 2, "two events in the outbox");
        await writer.StopAsync(CancellationToken.None);
        var keys = outbox.ReadUnsent(0, 10).Select(r => r.Key).ToList();
        Assert.Equal(["custody:0", "custody:2"], keys);
    }

    [Fact]
    public async Task Entries_committed_but_never_mirrored_are_recovered_at_start_exactly_once()
    {
        using (var log = OpenLog())
        {
            log.Append(TestEntries.Inserted(2));
            log.Append(TestEntries.Error(2));
        }

        using var outbox = OpenOutbox();
        using (var log = OpenLog())
        {
            var replay = new CustodyEventReplay(outbox, NullLogger<CustodyEventReplay>.Instance, log);
            await replay.StartAsync(CancellationToken.None);
            await replay.StartAsync(CancellationToken.None);
        }

        Assert.Equal(["custody:0", "custody:1"], outbox.ReadUnsent(0, 10).Select(r => r.Key).ToList());
    }

    public void Dispose()
    {
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
