using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// The search filters of <c>GET /api/v1/footage</c>: agency, officer (badge), recorder (serial), dock (id),
/// recorded time range (<c>from</c> inclusive, <c>to</c> exclusive, RFC 3339; footage whose recording overlaps it)
/// and case number. <see cref="Agencies"/> is the caller's scope (null = every agency).
/// </summary>
public sealed record FootageFilter(
    IReadOnlyCollection<string>? Agencies, string? Officer, string? Recorder, string? Dock, DateTimeOffset? From, DateTimeOffset? To, string? CaseNumber)
{
    /// <summary>Parses <c>from</c>/<c>to</c>; bad values add errors naming them.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ParseRange(string? from, string? to, FieldErrors errors)
    {
        var start = ParseTime("from", from, errors);
        var end = ParseTime("to", to, errors);
        if (start is not null && end is not null && end <= start)
        {
            errors.Add("to", "must be after from");
        }

        return (start, end);
    }

    private static DateTimeOffset? ParseTime(string field, string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
            && value.Contains('T', StringComparison.Ordinal))
        {
            return parsed;
        }

        errors.Add(field, $"must be an RFC 3339 time such as 2026-03-01T08:00:00Z (was '{value}')");
        return null;
    }
}
