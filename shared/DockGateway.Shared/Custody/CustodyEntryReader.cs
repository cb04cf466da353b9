using System.Text.Json;

namespace DockGateway.Shared.Custody;

/// <summary>Reads a custody entry's JSON bytes (one leaf of the log) into a <see cref="CustodyEntryFields"/>.</summary>
public static class CustodyEntryReader
{
    /// <exception cref="FormatException">The bytes are not a JSON object with a string "type", or a field has the wrong kind.</exception>
    public static CustodyEntryFields Read(ReadOnlySpan<byte> json)
    {
        Utf8JsonReader probe = new(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref probe);
        }
        catch (JsonException e)
        {
            throw new FormatException($"custody entry is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("custody entry is not a JSON object");
            }

            var type = String(root, "type") ?? throw new FormatException("custody entry has no \"type\"");
            return new CustodyEntryFields(
                type,
                String(root, "dock"),
                String(root, "time"),
                Number(root, "slot") is { } slot ? checked((int)slot) : null,
                String(root, "recorder"),
                String(root, "sha256"),
                Number(root, "size"),
                String(root, "path"),
                String(root, "path_encoding"),
                String(root, "stored"),
                Boolean(root, "late"));
        }
    }

    private static string? String(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"custody entry field \"{name}\" is not a string");

    private static long? Number(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n
        : throw new FormatException($"custody entry field \"{name}\" is not an integer");

    private static bool? Boolean(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new FormatException($"custody entry field \"{name}\" is not a boolean");
}
