using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Interim RFC 8785 check until DockGateway.Shared.Json.CanonicalJson lands on wt/shared: re-encodes
/// the JSON canonically (members sorted by UTF-16 code units, minimal string escapes, integers) and
/// compares bytes. Non-integer numbers are treated as not canonical (custody entries never use them).
/// </summary>
internal static class CanonicalJson
{
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var text = new StringBuilder();
            return Write(doc.RootElement, text) && Encoding.UTF8.GetBytes(text.ToString()).AsSpan().SequenceEqual(json);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Write(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(member.Name, text);
                    text.Append(':');
                    if (!Write(member.Value, text))
                    {
                        return false;
                    }
                }

                text.Append('}');
                return true;
            case JsonValueKind.Array:
                text.Append('[');
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(i++ == 0 ? string.Empty : ",");
                    if (!Write(item, text))
                    {
                        return false;
                    }
                }

                text.Append(']');
                return true;
            case JsonValueKind.String:
                WriteString(value.GetString()!, text);
                return true;
            case JsonValueKind.Number:
                if (!value.TryGetInt64(out var number))
                {
                    return false;
                }

                text.Append(number.ToString(CultureInfo.InvariantCulture));
                return true;
            default:
                text.Append(value.GetRawText());
                return true;
        }
    }

    private static void WriteString(string s, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in s)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        text.Append('"');
    }
}
