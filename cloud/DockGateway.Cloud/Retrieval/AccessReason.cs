using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// Why a person opens footage: the <c>reason</c> query parameter (what a &lt;video&gt; element can send), else the
/// <c>X-Access-Reason</c> header (percent-encoded UTF-8 for non-ASCII text). 1-500 characters, not blank;
/// written to the access log with the view or download.
/// </summary>
public static class AccessReason
{
    public const string Field = "reason";
    public const string Header = "X-Access-Reason";
    public const int MaxLength = 500;

    /// <summary>The trimmed reason, or null with a <c>reason</c> error added.</summary>
    public static string? From(HttpContext http, string? query, FieldErrors errors)
    {
        var text = query;
        if (text is null && http.Request.Headers.TryGetValue(Header, out var header))
        {
            text = Uri.UnescapeDataString(header.ToString());
        }

        return Check(text, errors);
    }

    /// <summary>Checks a reason given in a body.</summary>
    public static string? Check(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Field, $"required: say why you open this footage (query parameter '{Field}' or header {Header}); it is written to the access log");
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            errors.Add(Field, $"must be at most {MaxLength} characters without control characters");
            return null;
        }

        return trimmed;
    }
}
