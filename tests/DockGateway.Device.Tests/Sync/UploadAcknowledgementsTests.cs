using DockGateway.Device.Custody;
using DockGateway.Device.Sync;
using DockGateway.Shared.Crypto;
using DockGateway.Testing.Custody;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

/// <summary>sync.db brought up to custody.db after a crash between the <c>uploaded</c> commit and the acknowledgement.</summary>
public sealed class UploadAcknowledgementsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockgw-acks-").FullName;

    [Fact]
    public void A_pending_file_with_an_uploaded_entry_is_acknowledged_with_its_receipt_and_later_entries_are_scanned_next_time()
    {
        using var key = Ed25519PrivateKey.Generate();
        using var backlog = new UploadBacklog(Path.Combine(_directory, "sync.db"));
        using var log = new CustodyLog(CustodyStore.Open(_directory), new CheckpointSigner("agency.dockgateway/dock-1", key), "dock-1", 1000,
            TimeProvider.System, [], NullLogger<CustodyLog>.Instance);
        var acknowledgements = new UploadAcknowledgements(backlog, log);
        var first = Ingested(log, 'a');
        var second = Ingested(log, 'b');
        new UploadQueueReconciler(backlog, log, new UploadEnqueuer(), TimeProvider.System, NullLogger<UploadQueueReconciler>.Instance).Reconcile();
        Uploaded(log, first, "receipt-a"); // committed; the crash came before sync.db was marked

        Assert.Equal(1, acknowledgements.Reconcile());
        Assert.Equal(UploadState.Acknowledged, backlog.Find(first)!.State);
        Assert.Equal("receipt-a", backlog.Receipt(first));
        Assert.Equal(UploadState.Pending, backlog.Find(second)!.State);
        Assert.Equal(log.Size, backlog.GetState(UploadAcknowledgements.WatermarkState));
        Assert.Equal(0, acknowledgements.Reconcile());

        Uploaded(log, second, "receipt-b");
        Assert.Equal(1, acknowledgements.Reconcile());
        Assert.Equal("receipt-b", backlog.Receipt(second));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static long Ingested(CustodyLog log, char digit) =>
        log.Append(TestEntries.Ingested(new string(digit, 64), 4, digit + ".mp4")).Index;

    private static void Uploaded(CustodyLog log, long entry, string receipt) =>
        log.Append(TestEntries.Uploaded(entry, new string('a', 64), 4, receipt));
}
