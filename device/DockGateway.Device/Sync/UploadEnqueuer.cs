using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;

namespace DockGateway.Device.Sync;

/// <summary>
/// Queues every <c>ingested</c> custody entry's stored file for upload (idempotent by entry index).
/// At start, <see cref="Replay"/> queues entries committed after the last one queued, so a crash
/// between the custody commit and the queue insert loses no upload.
/// </summary>
public sealed class UploadEnqueuer(UploadBacklog queue) : ICustodyObserver
{
    public int Replay(CustodyLog log)
    {
        var added = 0;
        var size = log.Size;
        for (var start = queue.HighestEntry + 1; start < size; start += 1000)
        {
            foreach (var record in log.Entries<IngestedEntry>(start, Math.Min(start + 1000, size)))
            {
                added += Enqueue(record) ? 1 : 0;
            }
        }

        return added;
    }

    public void EntryAppended(CustodyRecord record) => Enqueue(record);

    private bool Enqueue(CustodyRecord record) =>
        record.Entry is IngestedEntry ingested && queue.Enqueue(record.Index, ingested.Sha256, ingested.Size, ingested.Stored, ingested.Recorder);

    public void CheckpointSigned(StoredCheckpoint checkpoint)
    {
    }
}
