using System.Text.Json.Serialization;

namespace DockGateway.Shared.Custody;

/// <summary>Footage that ended more than 24 h before it was ingested.</summary>
public sealed record LateEntry(
    int Slot,
    string Recorder,
    string Path,
    string Sha256,
    [property: JsonConverter(typeof(CustodySecondsConverter))] DateTimeOffset RecordedEnd,
    long HoursAfterEnd,
    string? PathEncoding = null) : SlotEntry(Slot), IRecorderFileEntry;
