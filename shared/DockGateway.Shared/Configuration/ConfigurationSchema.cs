namespace DockGateway.Shared.Configuration;

/// <summary>
/// Every key of the sections the product owns, derived by reflection from the options types bound to them.
/// Keys outside these sections (Logging, Kestrel, Urls, other environment variables) are not ours to judge.
/// </summary>
public sealed class ConfigurationSchema
{
    private readonly SchemaNode _root = SchemaNode.Section();

    public ConfigurationSchema(IEnumerable<OptionsSection> sections)
    {
        foreach (var section in sections)
        {
            var node = _root;
            foreach (var segment in section.Path.Split(':'))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = SchemaNode.Section();
                    node.Children[segment] = child;
                }

                node = child;
            }

            node.Merge(SchemaNode.For(section.OptionsType));
        }
    }

    /// <summary>True when <paramref name="key"/> lies in a section the product owns.</summary>
    public bool Owns(string key) => _root.Children.ContainsKey(key.Split(':')[0]);

    /// <summary>The node for <paramref name="key"/>, or the reason it is not a known key (with the nearest known key when one is close).</summary>
    public (SchemaNode? Node, string? Problem) Resolve(string key)
    {
        var segments = key.Split(':');
        var node = _root;
        for (var i = 0; i < segments.Length; i++)
        {
            var parent = string.Join(':', segments[..i]);
            var segment = segments[i];
            SchemaNode? next;
            if (node.Element is not null)
            {
                next = !node.IsList || (int.TryParse(segment, out var index) && index >= 0) ? node.Element : null;
                if (next is null)
                {
                    return (null, $"{parent} is a list: its keys are 0, 1, 2, … (not '{segment}')");
                }
            }
            else if (node.ValueType is not null)
            {
                return (null, $"{parent} takes a value, it has no key '{segment}'");
            }
            else if (!node.Children.TryGetValue(segment, out next))
            {
                var nearest = KeySuggestion.Nearest(segment, node.Children.Keys);
                return (null, nearest is null
                    ? $"unknown key {key}; the keys under {parent} are {string.Join(", ", node.Children.Keys.Order(StringComparer.Ordinal))}"
                    : $"unknown key {key}; did you mean {string.Join(':', segments[..i].Append(nearest))}?");
            }

            node = next;
        }

        return (node, null);
    }
}
