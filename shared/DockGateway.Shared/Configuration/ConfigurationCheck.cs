using Microsoft.Extensions.Configuration;

namespace DockGateway.Shared.Configuration;

/// <summary>
/// Checks, before anything is built, every key of the product's sections in every configuration source: unknown
/// keys (with the nearest known one) and values the binder could not convert, each as one line naming the
/// source, the key as written and what is expected. Framework sections (Logging, Kestrel, …) are not looked at.
/// </summary>
public static class ConfigurationCheck
{
    public const string ErrorPrefix = "configuration error: ";

    /// <summary>Prints each problem as one "configuration error: …" line; true when there are none.</summary>
    public static bool Report(IConfigurationRoot configuration, ConfigurationSchema schema, TextWriter errors, IReadOnlyDictionary<string, string>? switchMappings = null)
    {
        var problems = Problems(configuration, schema, switchMappings);
        foreach (var problem in problems)
        {
            errors.WriteLine(ErrorPrefix + problem);
        }

        return problems.Count == 0;
    }

    /// <summary>One line per problem, from the source that wins first (command line, environment, files).</summary>
    public static IReadOnlyList<string> Problems(IConfigurationRoot configuration, ConfigurationSchema schema, IReadOnlyDictionary<string, string>? switchMappings = null)
    {
        var origin = new ConfigurationOrigin(switchMappings);
        var problems = new List<string>();
        var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in configuration.Providers.Reverse())
        {
            var top = provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase).Where(schema.Owns).ToList();
            foreach (var (key, value, hasChildren) in top.SelectMany(k => Keys(provider, k)))
            {
                // A value hidden by a later source is never bound; only the one that wins is checked.
                var wins = decided.Add(key);
                if (Problem(schema, ConfigurationOrigin.Written(provider, key), value, hasChildren, wins) is { } problem)
                {
                    problems.Add($"{origin.Describe(provider, key)}: {problem}");
                }
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Problem(ConfigurationSchema schema, string key, string? value, bool hasChildren, bool wins)
    {
        var (node, unknown) = schema.Resolve(key);
        if (unknown is not null || hasChildren || !wins)
        {
            return unknown;
        }

        if (node!.ValueType is { } type)
        {
            return ValueExpectation.Check(type, value) is { } expected ? $"{key} '{value}' is not {expected}" : null;
        }

        return string.IsNullOrEmpty(value) ? null : $"{key} is a section (keys below it), not a value ('{value}')";
    }

    private static IEnumerable<(string Key, string? Value, bool HasChildren)> Keys(IConfigurationProvider provider, string key)
    {
        var children = provider.GetChildKeys([], key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (provider.TryGet(key, out var value) || children.Count == 0)
        {
            yield return (key, value, children.Count > 0);
        }

        foreach (var child in children.SelectMany(c => Keys(provider, key + ":" + c)))
        {
            yield return child;
        }
    }
}
