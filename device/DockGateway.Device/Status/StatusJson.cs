using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Status;

/// <summary>
/// The versioned JSON payloads of the status topics (schema "v": 1, snake_case keys, nulls left out,
/// UTC times in RFC 3339). Consumers must ignore keys they do not know; a breaking change bumps "v".
/// </summary>
public static class StatusJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Payloads go to MQTT consumers, never into HTML: keep "<", "&", non-ASCII readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static byte[] Status(DockStatusSnapshot status) => JsonSerializer.SerializeToUtf8Bytes(status, s_options);

    /// <summary>What the will (and an orderly stop) leaves retained on the status topic.</summary>
    public static byte[] Offline(string agency, string dockId, DateTimeOffset? time = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new OfflinePayload(SchemaVersion, agency, dockId, false, time is { } t ? Time(t) : null), s_options);

    public static byte[] Slot(SlotStatus status, DateTimeOffset time) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new SlotPayload(SchemaVersion, status.Slot, status.State, status.Recorder,
                new SlotProgress(status.Files, status.Done, status.Errors), string.IsNullOrEmpty(status.Message) ? null : status.Message, Time(time)),
            s_options);

    public static byte[] Event(DockEvent e, string agency, string dockId) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new EventPayload(SchemaVersion, e.Key, KindName(e.Kind), Time(e.Time), agency, dockId, e.Slot, e.Recorder, e.File, e.Sha256, e.Size, e.CustodyIndex, e.Message, e.MissingFrom, e.MissingTo),
            s_options);

    public static string KindName(DockEventKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private sealed record OfflinePayload(int V, string Agency, string Dock, bool Online, string? Time);

    private sealed record SlotProgress(int Files, int Done, int Errors);

    private sealed record SlotPayload(int V, int Slot, SlotState State, string? Recorder, SlotProgress Progress, string? Message, string Time);

    private sealed record EventPayload(
        int V, string Key, string Kind, string Time, string Agency, string Dock, int? Slot, string? Recorder,
        string? File, string? Sha256, long? Size, long? CustodyIndex, string? Message, long? MissingFrom, long? MissingTo);
}
