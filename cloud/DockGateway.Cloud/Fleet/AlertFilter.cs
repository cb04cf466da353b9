using System.Globalization;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The filters of <c>GET /api/v1/alerts</c>, parsed from the query string. <see cref="Parse"/> names every bad
/// field in <see cref="FieldErrors"/>; times are RFC 3339 and bound <c>received_at</c> (from inclusive, to exclusive).
/// </summary>
public sealed record AlertFilter
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public string? Kind { get; init; }

    public string? Dock { get; init; }

    public string? Recorder { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public bool? Acknowledged { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public KeysetCursor? After { get; init; }

    public static AlertFilter Parse(
        string? kind, string? dock, string? recorder, string? from, string? to, string? acknowledged, string? limit, string? after, FieldErrors errors)
    {
        if (kind is not null && !DockEventReport.AlertKinds.Contains(kind))
        {
            errors.Add("kind", $"must be one of {string.Join(", ", DockEventReport.AlertKinds.Order(StringComparer.Ordinal))} (was '{kind}')");
        }

        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);

        var cursor = KeysetCursor.Parse(after, errors);

        var (start, end) = (Time("from", from, errors), Time("to", to, errors));
        if (start is not null && end is not null && end <= start)
        {
            errors.Add("to", "must be later than 'from'");
        }

        bool? acked = acknowledged?.ToLowerInvariant() switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Bad(errors, "acknowledged", $"must be true or false (was '{acknowledged}')"),
        };
        return new AlertFilter
        {
            Kind = kind, Dock = Blank(dock), Recorder = Blank(recorder), From = start, To = end, Acknowledged = acked, Limit = count, After = cursor,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool? Bad(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }

    private static DateTimeOffset? Time(string field, string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        errors.Add(field, $"must be an RFC 3339 time such as 2026-11-22T02:30:00Z (was '{text}')");
        return null;
    }
}
