using System.ComponentModel;

namespace DockGateway.Shared.Configuration;

/// <summary>Whether a configuration value converts to its option's type as the configuration binder will convert it, and what is expected when not.</summary>
public static class ValueExpectation
{
    /// <summary>Null when <paramref name="value"/> binds to <paramref name="type"/>; otherwise what is expected ("a whole number", "true or false", …).</summary>
    public static string? Check(Type type, string? value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            return null; // a JSON null: the binder leaves the default
        }

        if (value.Length == 0)
        {
            return underlying is not null || !type.IsValueType ? null : Describe(type);
        }

        type = underlying ?? type;
        if (type == typeof(string))
        {
            return null;
        }

        if (type == typeof(Uri))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? null : Describe(type);
        }

        if (type == typeof(byte[]))
        {
            return Convert.TryFromBase64String(value, new byte[value.Length], out _) ? null : Describe(type);
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed) ? null : Describe(type);
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return Describe(type);
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like, for an error message.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => "a duration such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss)",
            _ when type == typeof(Uri) => "an absolute http(s) URL such as https://cloud.example.org/",
            _ when type == typeof(byte[]) => "base64",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number such as 0.05",
            _ => "a " + type.Name,
        };
    }
}
