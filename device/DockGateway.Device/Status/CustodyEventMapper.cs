using DockGateway.Shared.Custody;

namespace DockGateway.Device.Status;

/// <summary>
/// Turns a committed custody entry into the dock event it announces, keyed <c>custody:&lt;index&gt;</c> so replays
/// never duplicate. Entry types that are bookkeeping (erased, duplicate, removed, reconciled) produce no event.
/// </summary>
public static class CustodyEventMapper
{
    public static DockEvent? Map(long index, CustodyEntry entry) => entry switch
    {
        InsertedEntry e => Event(DockEventKind.Inserted, index, e, e.Recorder),
        UnregisteredEntry e => Event(DockEventKind.Unregistered, index, e, e.Recorder),
        IngestedEntry e => Event(DockEventKind.Ingested, index, e, e.Recorder) with { File = e.Path, Sha256 = e.Sha256, Size = e.Size },
        LateEntry e => Event(DockEventKind.Late, index, e, e.Recorder) with { File = e.Path, Sha256 = e.Sha256 },
        GapEntry e => Event(DockEventKind.Gap, index, e, e.Recorder) with { MissingFrom = e.MissingFrom, MissingTo = e.MissingTo },
        DiskLowEntry e => Event(DockEventKind.DiskLow, index, e, e.Recorder),
        RefusedEntry e => Event(DockEventKind.Refused, index, e, e.Recorder ?? e.Serial) with { File = e.Path, Message = $"{e.Reason}: {e.Detail}" },
        ErrorEntry e => Event(DockEventKind.Error, index, e, e.Recorder) with { File = e.Path, Message = $"{e.Reason}: {e.Detail}" },
        UploadedEntry e => Event(DockEventKind.Uploaded, index, e, null) with { Sha256 = e.Sha256, Size = e.Size },
        WitnessedEntry e => Event(DockEventKind.Witnessed, index, e, null) with { Size = e.Size },
        _ => null,
    };

    private static DockEvent Event(DockEventKind kind, long index, CustodyEntry entry, string? recorder) =>
        new(kind, $"custody:{index}", entry.Time)
        {
            CustodyIndex = index,
            Slot = (entry as SlotEntry)?.Slot,
            Recorder = recorder,
        };
}
