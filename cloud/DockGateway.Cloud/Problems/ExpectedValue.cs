namespace DockGateway.Cloud.Problems;

/// <summary>What a value of a given type must look like, said to a person, not in .NET terms.</summary>
public static class ExpectedValue
{
    public static string For(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return "expected one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant()));
        }

        return Type.GetTypeCode(t) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
                or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "expected a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "expected a number",
            TypeCode.Boolean => "expected true or false",
            TypeCode.String or TypeCode.Char => "expected a string",
            TypeCode.DateTime => "expected an ISO 8601 time",
            _ when t == typeof(DateTimeOffset) => "expected an ISO 8601 time",
            _ when t == typeof(TimeSpan) => "expected a duration (hh:mm:ss)",
            _ when t == typeof(Guid) => "expected a UUID",
            _ => "expected a value of another form",
        };
    }

    /// <summary>The same for a System.Text.Json message's type name (<c>System.Int32</c>, <c>System.Nullable`1[System.Int64]</c>).</summary>
    public static string ForTypeName(string typeName)
    {
        var name = typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName[18..].TrimEnd(']') : typeName;
        var type = Type.GetType(name) ?? typeof(ExpectedValue).Assembly.GetType(name);
        return type is null ? "expected a value of another form" : For(type);
    }
}
