namespace DockGateway.Shared.Custody;

/// <summary>A recorder was seated and identified; with its clock skew (seconds, recorder minus dock) and the time set on it, when known.</summary>
public sealed record InsertedEntry(
    int Slot,
    string Recorder,
    string Vendor,
    string Model,
    long? ClockSkewSeconds = null,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(CustodySecondsConverter))] DateTimeOffset? ClockSetTo = null) : SlotEntry(Slot), IRecorderEntry;
