using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockGateway.Shared.Custody;

/// <summary>A UTC time as a string in exactly one format: anything else is refused, so a decoded entry re-encodes to the same bytes.</summary>
internal abstract class UtcTimeConverter(string format) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new JsonException($"is not a UTC time written {format}");
        }

        return time;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
}
