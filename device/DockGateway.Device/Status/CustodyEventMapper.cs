using System.Text.Json;
using DockGateway.Device.Slots;

namespace DockGateway.Device.Status;

/// <summary>
/// Turns a committed custody entry (RFC 8785 JSON, snake_case keys) into the dock event it announces,
/// keyed <c>custody:&lt;index&gt;</c> so replays never duplicate. Entry types that are bookkeeping
/// (erased, removed, reconciled) produce no event.
/// </summary>
public static class CustodyEventMapper
{
    public static DockEvent? Map(long index, string type, ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        DockEventKind? kind = type switch
        {
            "inserted" => DockEventKind.Inserted,
            "ingested" => DockEventKind.Ingested,
            "refused" => DockEventKind.Refused,
            "late" => DockEventKind.Late,
            "overdue" => DockEventKind.Overdue,
            "gap" => DockEventKind.Gap,
            "disk-low" => DockEventKind.DiskLow,
            "error" => DockEventKind.Error,
            "uploaded" => DockEventKind.Uploaded,
            "witnessed" => DockEventKind.Witnessed,
            "unregistered" => DockEventKind.Unregistered,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new DockEvent(kind.Value, $"custody:{index}", Time(root, now))
        {
            CustodyIndex = index,
            Slot = root.TryGetProperty("slot", out var slot) && slot.ValueKind == JsonValueKind.Number ? slot.GetInt32() : null,
            Recorder = Text(root, "recorder") ?? Text(root, "serial"),
            File = Text(root, "path") ?? Text(root, "stored"),
            Sha256 = Text(root, "sha256"),
            Size = root.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null,
            Message = string.Join(": ", new[] { Text(root, "reason"), Text(root, "detail") ?? Text(root, "message") ?? Text(root, "error") }.OfType<string>()) is { Length: > 0 } m ? m : null,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset Time(JsonElement root, DateTimeOffset now) =>
        Text(root, "time") is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : now;
}
