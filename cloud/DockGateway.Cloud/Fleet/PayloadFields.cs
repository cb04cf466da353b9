using System.Globalization;
using System.Text.Json;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Defensive reading of the docks' versioned JSON payloads (schema <c>"v": 1</c>, snake_case keys).
/// Unknown keys are ignored; a known key with the wrong type, an out-of-range value or a payload naming
/// another agency or dock than its topic throws <see cref="FleetPayloadException"/> naming the key.
/// </summary>
public static class PayloadFields
{
    public const int SchemaVersion = 1;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 8 };

    /// <summary>Parses the payload, checks it is an object of schema v1 about the topic's agency and dock.</summary>
    public static JsonDocument Open(ReadOnlyMemory<byte> payload, FleetTopic topic)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, s_options);
        }
        catch (JsonException ex)
        {
            throw new FleetPayloadException($"is not valid JSON: {ex.Message}", ex);
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FleetPayloadException($"must be a JSON object (was {root.ValueKind})");
            }

            if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != SchemaVersion)
            {
                throw new FleetPayloadException("v", $"must be the schema version {SchemaVersion}");
            }

            if (OptionalText(root, "agency", 64) is { } agency && agency != topic.Agency)
            {
                throw new FleetPayloadException("agency", $"'{agency}' differs from the topic's agency '{topic.Agency}'");
            }

            if (OptionalText(root, "dock", 64) is { } dock && dock != topic.Dock)
            {
                throw new FleetPayloadException("dock", $"'{dock}' differs from the topic's dock '{topic.Dock}'");
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public static string? OptionalText(JsonElement o, string name, int maxLength)
    {
        if (!Present(o, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FleetPayloadException(name, $"must be a string (was {value.ValueKind})");
        }

        var text = value.GetString()!;
        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            throw new FleetPayloadException(name, $"must be at most {maxLength} characters without control characters");
        }

        return text;
    }

    public static string RequiredString(JsonElement o, string name, int maxLength) =>
        OptionalText(o, name, maxLength) is { Length: > 0 } text ? text : throw new FleetPayloadException(name, "is required");

    /// <summary>Free text (a refusal reason, an error): cut to <paramref name="maxLength"/> rather than refused.</summary>
    public static string? Text(JsonElement o, string name, int maxLength)
    {
        var text = OptionalText(o, name, int.MaxValue);
        return text is { Length: > 0 } t && t.Length > maxLength ? t[..maxLength] : text;
    }

    public static long? WholeNumber(JsonElement o, string name, long min = 0, long max = long.MaxValue)
    {
        if (!Present(o, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            throw new FleetPayloadException(name, $"must be an integer from {min} to {max}");
        }

        return number;
    }

    public static bool RequiredBool(JsonElement o, string name)
    {
        if (!Present(o, name, out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FleetPayloadException(name, "must be true or false");
        }

        return value.GetBoolean();
    }

    /// <summary>An RFC 3339 UTC time such as <c>2026-11-22T02:30:00Z</c>.</summary>
    public static DateTimeOffset? Time(JsonElement o, string name)
    {
        if (OptionalText(o, name, 40) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal)
            ? time
            : throw new FleetPayloadException(name, $"must be an RFC 3339 time (was '{text}')");
    }

    /// <summary>An object of up to <paramref name="maxEntries"/> names mapped to non-negative integers.</summary>
    public static IReadOnlyDictionary<string, long>? Counts(JsonElement o, string name, int maxEntries)
    {
        if (!Present(o, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FleetPayloadException(name, "must be an object of names to counts");
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            if (counts.Count == maxEntries || entry.Name.Length is 0 or > 64
                || entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var count) || count < 0)
            {
                throw new FleetPayloadException(name, $"must hold at most {maxEntries} names (1 to 64 characters) with non-negative integer counts");
            }

            counts[entry.Name] = count;
        }

        return counts;
    }

    private static bool Present(JsonElement o, string name, out JsonElement value) =>
        o.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
