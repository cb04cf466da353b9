using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;

namespace DockGateway.Device.Sync;

/// <summary>
/// Brings sync.db up to custody.db: every <c>uploaded</c> entry whose file is still pending in the queue
/// marks it acknowledged with the entry's receipt and time. custody.db and sync.db are separate files,
/// committed one after the other, so a crash (or a failed write) between the <c>uploaded</c> commit and
/// the acknowledgement would otherwise make the worker upload the file again and log a second
/// <c>uploaded</c> entry. A watermark in sync_state (<see cref="WatermarkState"/>) keeps each run to the
/// entries after the last one already looked at; it only moves up to the log size read before the scan,
/// so an entry appended meanwhile (ingest runs concurrently) is looked at next time.
/// </summary>
public sealed class UploadAcknowledgements(UploadBacklog queue, CustodyLog log)
{
    /// <summary>The sync_state row holding the first custody index not yet looked at.</summary>
    public const string WatermarkState = "uploaded-reconciled";

    /// <summary>Acknowledges pending items that already have an <c>uploaded</c> entry; returns how many.</summary>
    public int Reconcile()
    {
        var size = log.Size;
        var from = queue.GetState(WatermarkState);
        var acknowledged = 0;
        for (var start = from; start < size; start += 1000)
        {
            foreach (var record in log.Entries<UploadedEntry>(start, Math.Min(start + 1000, size)))
            {
                // An unreadable entry acknowledges nothing: at worst its file is uploaded (and acknowledged) again.
                if (record.TryGetEntry<UploadedEntry>(out var uploaded, out _) && queue.MarkAcknowledged(uploaded.Entry, uploaded.Receipt, uploaded.Time))
                {
                    acknowledged++;
                }
            }
        }

        if (size > from)
        {
            queue.SetState(WatermarkState, size);
        }

        return acknowledged;
    }
}
