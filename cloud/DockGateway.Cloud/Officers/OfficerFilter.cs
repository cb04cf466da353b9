using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// The filters of <c>GET /api/v1/officers</c>: <c>q</c> (part of a badge number or name), <c>late</c> (true: with late
/// recordings in the last 30 days; false: without), <c>sort</c> (badge, name, lastIngest, late; <c>-</c> for descending)
/// and offset pages. Names sort by Unicode code point on the server (a defined order the same on SQLite and PostgreSQL,
/// not pinyin: a pinyin collation needs ICU, which the builds leave out).
/// </summary>
public sealed record OfficerFilter
{
    public static IReadOnlySet<string> SortKeys { get; } = new HashSet<string>(["badge", "name", "lastIngest", "late"], StringComparer.Ordinal);

    public string? Search { get; init; }

    public bool? Late { get; init; }

    public string SortKey { get; init; } = "badge";

    public bool Descending { get; init; }

    public OffsetPage Page { get; init; }

    public static OfficerFilter Parse(string? q, string? late, string? sort, string? limit, string? after, FieldErrors errors)
    {
        bool? withLate = late?.ToLowerInvariant() switch { null => null, "true" => true, "false" => false, _ => null };
        if (late is not null && withLate is null)
        {
            errors.Add("late", $"must be true or false (was '{late}')");
        }

        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort ?? "badge";
        if (!SortKeys.Contains(key))
        {
            errors.Add("sort", $"must be one of {string.Join(", ", SortKeys)}, optionally with a leading '-' (was '{sort}')");
            key = "badge";
        }

        if (q is { Length: > 64 })
        {
            errors.Add("q", "must be at most 64 characters");
        }

        return new OfficerFilter
        {
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), Late = withLate, SortKey = key, Descending = descending,
            Page = OffsetPage.Parse(limit, after, errors),
        };
    }
}
