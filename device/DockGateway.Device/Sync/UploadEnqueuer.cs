using System.Threading.Channels;
using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;

namespace DockGateway.Device.Sync;

/// <summary>
/// The custody observer of the upload queue. It keeps <see cref="ICustodyObserver"/>'s promise not to block: on an
/// <c>ingested</c> entry it only wakes <see cref="UploadQueueReconciler"/> (a non-blocking write to a channel of one),
/// which queues the file from the custody log, the durable source of truth, on its own thread.
/// </summary>
public sealed class UploadEnqueuer : ICustodyObserver
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void EntryAppended(CustodyRecord record)
    {
        if (record.Entry is IngestedEntry)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    public void CheckpointSigned(StoredCheckpoint checkpoint)
    {
    }

    /// <summary>Completes when an <c>ingested</c> entry was committed since the last wait, or when <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(_wake.Reader.WaitToReadAsync(stop.Token).AsTask(), Task.Delay(timeout, time, stop.Token));
        await stop.CancelAsync();
        _wake.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
