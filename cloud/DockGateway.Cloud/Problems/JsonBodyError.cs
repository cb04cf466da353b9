using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockGateway.Cloud.Problems;

/// <summary>
/// A System.Text.Json failure said in the request's own terms: the JSON field (<c>officerCount</c>) and
/// what was expected, never the .NET type it was being read into.
/// </summary>
public static partial class JsonBodyError
{
    public static (string Field, string Message) Describe(JsonException json)
    {
        var field = Field(json.Path);
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            // The path already ends in the unknown property ($.budget); fall back to the message's name.
            var name = QuotedProperty().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
            return (field == "$" && name is not null ? name : field, "unknown field");
        }

        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return (field, ExpectedValue.ForTypeName(converted.Groups[1].Value));
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return (missing.Groups[1].Value, "required");
        }

        var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : "";
        return (field, "the body is not well-formed JSON" + where);
    }

    /// <summary><c>$.officerCount</c> -> <c>officerCount</c>; <c>$</c> or none -> <c>$</c>.</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [GeneratedRegex("property '([^']+)'")]
    private static partial Regex QuotedProperty();

    [GeneratedRegex(@"could not be converted to ([\w.`\[\]]+)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();
}
