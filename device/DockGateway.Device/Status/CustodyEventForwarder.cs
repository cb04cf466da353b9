using DockGateway.Device.Custody;

namespace DockGateway.Device.Status;

/// <summary>
/// Mirrors committed custody entries as dock events. Called on the appending (ingest) thread: it only
/// maps and enqueues (<see cref="DockEventWriter.Post"/>), never touches a disk or the network.
/// Entries committed but not yet in the outbox when the process dies are recovered at the next start
/// by <see cref="CustodyEventReplay"/>; event keys make the recovery idempotent.
/// </summary>
public sealed class CustodyEventForwarder(DockEventWriter writer) : ICustodyObserver
{
    public void EntryAppended(CustodyRecord record)
    {
        if (CustodyEventMapper.Map(record.Index, record.Entry) is { } dockEvent)
        {
            writer.Post(dockEvent);
        }
    }

    public void CheckpointSigned(StoredCheckpoint checkpoint)
    {
        // Checkpoints are announced by the witnessing loop once cosigned ("witnessed" entries).
    }
}
