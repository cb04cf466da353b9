using System.Text.Json;
using DockGateway.Device.Custody;

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
            foreach (var record in log.Entries(start, Math.Min(start + 1000, size)))
            {
                added += Enqueue(record) ? 1 : 0;
            }
        }

        return added;
    }

    public void EntryAppended(CustodyRecord record) => Enqueue(record);

    private bool Enqueue(CustodyRecord record)
    {
        if (record.Type != "ingested")
        {
            return false;
        }

        using var document = JsonDocument.Parse(record.Json);
        var root = document.RootElement;
        return queue.Enqueue(
            record.Index,
            root.GetProperty("sha256").GetString()!,
            root.GetProperty("size").GetInt64(),
            root.GetProperty("stored").GetString()!,
            root.TryGetProperty("recorder", out var recorder) ? recorder.GetString() : null);
    }

    public void CheckpointSigned(StoredCheckpoint checkpoint)
    {
    }
}
