using System.Globalization;

namespace DockGateway.Cloud.Exports;

/// <summary>
/// One field of an exported CSV row (RFC 4180): text quoted when it must be and neutralised when a spreadsheet would run
/// it as a formula, times in RFC 3339 UTC with milliseconds, numbers in the invariant culture, absent values empty.
/// </summary>
public static class CsvField
{
    /// <summary>Quotes a field when it holds a comma, quote or line break; a leading <c>= + - @</c> gets a <c>'</c> so
    /// spreadsheet programs show it instead of evaluating it.</summary>
    public static string Text(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
