using DockGateway.Cloud.Problems;
using Microsoft.AspNetCore.Http;

namespace DockGateway.Cloud.Exports;

/// <summary>JSON or CSV for the list endpoints: <c>format=json|csv</c>, else <c>Accept: text/csv</c>, else JSON.</summary>
public static class ResponseFormat
{
    /// <summary>True for CSV, false for JSON; null (and a <c>format</c> error added) for an unknown <c>format</c>.</summary>
    public static bool? WantsCsv(HttpContext http, string? format, FieldErrors errors)
    {
        bool? csv = format?.ToLowerInvariant() switch
        {
            "csv" => true,
            "json" => false,
            null => http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
        if (csv is null)
        {
            errors.Add("format", "must be json or csv");
        }

        return csv;
    }
}
