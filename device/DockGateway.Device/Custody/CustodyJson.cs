using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DockGateway.Device.Custody;

/// <summary>
/// RFC 8785 canonical bytes of a custody entry. Entries hold only strings, integers and booleans,
/// so canonical form is: members sorted by UTF-16 code units, no white space, minimal string escapes.
/// </summary>
public static class CustodyJson
{
    public static byte[] Serialize(JsonObject entry)
    {
        var text = new StringBuilder(256).Append('{');
        var first = true;
        foreach (var (name, value) in entry.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            WriteString(text, name);
            text.Append(':');
            WriteValue(text, name, value);
        }

        return Encoding.UTF8.GetBytes(text.Append('}').ToString());
    }

    private static void WriteValue(StringBuilder text, string name, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            throw new ArgumentException($"custody entry field \"{name}\" must be a string, integer or boolean");
        }

        if (scalar.TryGetValue<string>(out var s))
        {
            WriteString(text, s);
        }
        else if (scalar.TryGetValue<bool>(out var b))
        {
            text.Append(b ? "true" : "false");
        }
        else if (scalar.TryGetValue<long>(out var l))
        {
            text.Append(l.ToString(CultureInfo.InvariantCulture));
        }
        else if (scalar.TryGetValue<int>(out var i))
        {
            text.Append(i.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            throw new ArgumentException($"custody entry field \"{name}\" must be a string, integer or boolean");
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
