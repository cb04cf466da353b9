using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace DockGateway.Shared.Configuration;

/// <summary>Where a key came from, as the user wrote it: "FILE line N", "environment variable Dock__LateAfter", "command line --data".</summary>
internal sealed class ConfigurationOrigin(IReadOnlyDictionary<string, string>? switchMappings)
{
    private readonly Dictionary<string, Dictionary<string, int>> _lines = new(StringComparer.Ordinal);

    public string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json => File(json, key),
        EnvironmentVariablesConfigurationProvider => "environment variable " + (EnvironmentVariable(key) ?? key.Replace(":", "__", StringComparison.Ordinal)),
        CommandLineConfigurationProvider => "command line " + (Switch(key) ?? "--" + key),
        _ => "configuration",
    };

    /// <summary>
    /// The key as its source spells it. Environment variables are read into a case-insensitive dictionary
    /// whose first variable decides a section's case (and their order is not stable from run to run), so the
    /// key is taken back from the variable's own name.
    /// </summary>
    public static string Written(IConfigurationProvider provider, string key) =>
        provider is EnvironmentVariablesConfigurationProvider && EnvironmentVariable(key) is { } name
            ? name.Replace("__", ":", StringComparison.Ordinal)[^key.Length..]
            : key;

    private string File(JsonConfigurationProvider json, string key)
    {
        var path = json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? string.Empty).PhysicalPath ?? json.Source.Path ?? "JSON file";
        if (!_lines.TryGetValue(path, out var lines))
        {
            lines = JsonKeyLines.Read(path);
            _lines[path] = lines;
        }

        return lines.TryGetValue(key, out var line) ? $"{path} line {line}" : path;
    }

    private static string? EnvironmentVariable(string key)
    {
        string? prefixed = null;
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            var asKey = name.Replace("__", ":", StringComparison.Ordinal);
            if (asKey.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            if (asKey.EndsWith(key, StringComparison.OrdinalIgnoreCase) && asKey[^(key.Length + 1)] == '_')
            {
                prefixed = name;
            }
        }

        return prefixed;
    }

    private string? Switch(string key) =>
        switchMappings?.FirstOrDefault(m => m.Value.Equals(key, StringComparison.OrdinalIgnoreCase)).Key;
}
