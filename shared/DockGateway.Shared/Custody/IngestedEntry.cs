using System.Text.Json.Serialization;

namespace DockGateway.Shared.Custody;

/// <summary>
/// A file was copied, fsynced, verified and stored. <see cref="Path"/> is the recorder-side path (percent-encoded
/// when <see cref="PathEncoding"/> is <see cref="CustodyEntry.PercentEncoding"/>); <see cref="Stored"/> is relative
/// to the dock's footage directory.
/// </summary>
public sealed record IngestedEntry(
    int Slot,
    string Recorder,
    string Vendor,
    string Model,
    string Path,
    string Sha256,
    long Size,
    string Stored,
    [property: JsonConverter(typeof(CustodySecondsConverter))] DateTimeOffset RecordedStart,
    [property: JsonConverter(typeof(CustodySecondsConverter))] DateTimeOffset RecordedEnd,
    string TimeSource,
    bool Late,
    string? PathEncoding = null) : SlotEntry(Slot), IRecorderFileEntry;
