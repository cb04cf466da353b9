using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockGateway.Shared.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no white space,
/// minimal string escapes, numbers as ECMAScript prints IEEE 754 doubles.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions s_strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
    };

    /// <summary>The canonical UTF-8 form of <paramref name="node"/> (null is the JSON literal null).</summary>
    public static byte[] Serialize(JsonNode? node)
    {
        if (node is null)
        {
            return "null"u8.ToArray();
        }

        return Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    /// <summary>Parses UTF-8 JSON and returns its canonical form; duplicate member names are rejected.</summary>
    /// <exception cref="FormatException">The input is not JSON, has duplicate keys, lone surrogates or a number out of range.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), s_strict);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var builder = new StringBuilder();
            Write(document.RootElement, builder, "$");
            return Encoding.UTF8.GetBytes(builder.ToString());
        }
    }

    /// <summary>True when <paramref name="utf8Json"/> is valid JSON already in canonical form.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Canonicalize(utf8Json).AsSpan().SequenceEqual(utf8Json);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void Write(JsonElement element, StringBuilder output, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<KeyValuePair<string, JsonElement>>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        throw new FormatException($"duplicate member name '{property.Name}' in the object at {path}");
                    }

                    members.Add(new(property.Name, property.Value));
                }

                members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                output.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    WriteString(members[i].Key, output, path);
                    output.Append(':');
                    Write(members[i].Value, output, $"{path}.{members[i].Key}");
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        output.Append(',');
                    }

                    Write(item, output, $"{path}[{index++}]");
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException e)
                {
                    throw new FormatException($"invalid string at {path} (lone surrogate): {e.Message}", e);
                }

                WriteString(text, output, path);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new FormatException($"the number {element.GetRawText()} at {path} is outside the IEEE 754 double range");
                }

                output.Append(EcmaScriptNumber.Format(number));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder output, string path)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new FormatException($"lone surrogate U+{(int)c:X4} in a string at {path}");
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
