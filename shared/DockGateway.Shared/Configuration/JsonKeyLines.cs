using System.Text.Json;

namespace DockGateway.Shared.Configuration;

/// <summary>The line of each key in a JSON configuration file, keyed as configuration keys ("Dock:Hardware:Slots:0:SwitchPin").</summary>
public static class JsonKeyLines
{
    /// <summary>Key → 1-based line; what was read so far when the file is not valid JSON, empty when it cannot be read.</summary>
    public static Dictionary<string, int> Read(string path)
    {
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return lines;
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<Container>();
        string? name = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }

                string? key = null;
                if (containers.TryPeek(out var parent))
                {
                    var own = parent.IsArray ? parent.NextIndex++.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
                    key = parent.Key is null ? own : parent.Key + ":" + own;
                    lines.TryAdd(key!, 1 + bytes.AsSpan(start, (int)reader.TokenStartIndex).Count((byte)'\n'));
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push(new Container(key, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
        }

        return lines;
    }

    private sealed class Container(string? key, bool isArray)
    {
        public string? Key { get; } = key;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
