using System.Text.Json;

namespace DockGateway.Shared.Configuration;

/// <summary>Describes in one line a configuration file the configuration system could not load (malformed JSON, a duplicate key).</summary>
public static class ConfigurationFileError
{
    /// <summary>"FILE line N: not valid JSON: …" for a failed file load (an <see cref="InvalidDataException"/> or <see cref="FormatException"/>); null for any other exception.</summary>
    public static string? Describe(Exception e)
    {
        if (e is not (InvalidDataException or FormatException))
        {
            return null;
        }

        var chain = new List<Exception>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            chain.Add(x);
        }

        var first = e.Message.IndexOf('\'', StringComparison.Ordinal);
        var last = e.Message.LastIndexOf('\'');
        var file = e is InvalidDataException && first >= 0 && last > first ? e.Message[(first + 1)..last] : "configuration file";
        if (chain.OfType<JsonException>().FirstOrDefault() is { } json)
        {
            var detail = json.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            detail = (cut > 0 ? detail[..cut] : detail).TrimEnd('.', ' ');
            var line = json.LineNumber is { } n ? $" line {n + 1}" : string.Empty;
            return $"{file}{line}: not valid JSON: {detail}";
        }

        return $"{file}: not a valid JSON configuration file: {chain[^1].Message.TrimEnd('.')}";
    }
}
