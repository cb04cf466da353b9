namespace DockGateway.Device.Custody;

/// <summary>
/// In-process hook for the rest of the dock (MQTT status/events, cloud sync): register any number
/// as singletons (<c>services.AddSingleton&lt;ICustodyObserver, MyObserver&gt;()</c>). Called after the
/// entry or checkpoint is committed, on the appending thread and outside the log's lock: do not
/// block (hand off to a <see cref="System.Threading.Channels.Channel{T}"/>); exceptions are logged and ignored.
/// Slot status changes reach observers through <see cref="Slots.ISlotIndicator"/> the same way.
/// </summary>
public interface ICustodyObserver
{
    void EntryAppended(CustodyRecord record);

    void CheckpointSigned(StoredCheckpoint checkpoint);
}
