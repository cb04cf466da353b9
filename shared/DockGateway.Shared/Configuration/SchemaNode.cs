using System.Reflection;

namespace DockGateway.Shared.Configuration;

/// <summary>
/// One level of the configuration keys an options type accepts, found by reflection as the binder sees them:
/// a value (<see cref="ValueType"/>), an object (named <see cref="Children"/>), a list (index keys 0, 1, …) or a
/// dictionary (any key), the last two with their <see cref="Element"/>.
/// </summary>
public sealed class SchemaNode
{
    private const int MaxDepth = 12;

    public Type? ValueType { get; private init; }

    public Dictionary<string, SchemaNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SchemaNode? Element { get; private set; }

    public bool IsList { get; private set; }

    public static SchemaNode Section() => new();

    /// <summary>The keys <paramref name="type"/> accepts.</summary>
    public static SchemaNode For(Type type) => For(type, 0);

    /// <summary>Adds the keys of <paramref name="other"/> (an object node) to this object node.</summary>
    public void Merge(SchemaNode other)
    {
        foreach (var (name, child) in other.Children)
        {
            Children[name] = child;
        }
    }

    private static SchemaNode For(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsValue(underlying) || depth > MaxDepth)
        {
            return new SchemaNode { ValueType = type };
        }

        if (Generic(underlying, typeof(IDictionary<,>)) is { } map && map[0] == typeof(string))
        {
            return new SchemaNode { Element = For(map[1], depth + 1) };
        }

        var element = underlying.IsArray ? underlying.GetElementType() : Generic(underlying, typeof(IEnumerable<>))?[0];
        if (element is not null)
        {
            return new SchemaNode { Element = For(element, depth + 1), IsList = true };
        }

        var node = new SchemaNode();
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                node.Children[property.Name] = For(property.PropertyType, depth + 1);
            }
        }

        return node;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(byte[]);

    private static Type[]? Generic(Type type, Type definition) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type : null)?.GetGenericArguments()
        ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
}
