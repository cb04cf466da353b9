using System.Globalization;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Paging;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// The filters of <c>GET /api/v1/recorders</c>: <c>status</c>, <c>overdue</c> (true/false), <c>q</c> (part of a serial,
/// case-insensitive), <c>sort</c> (a key, <c>-</c> for descending), and offset pages (<c>limit</c>, <c>after</c> = rows
/// to skip, the previous page's <c>next</c>). <see cref="Parse"/> names every bad field.
/// </summary>
public sealed record RecorderFilter
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>The sort keys and the columns they order by (the serial always breaks ties).</summary>
    public static IReadOnlyDictionary<string, string> SortKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["serial"] = "r.serial",
        ["agency"] = "r.agency_code",
        ["status"] = "r.status",
        ["vendor"] = "r.vendor",
        ["officer"] = "COALESCE(r.assigned_badge, '')",
        ["lastDocked"] = "COALESCE(r.last_docked_at, 0)",
    };

    public string? Status { get; init; }

    public bool? Overdue { get; init; }

    public string? Search { get; init; }

    public string SortColumn { get; init; } = "r.serial";

    public bool Descending { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public long Offset { get; init; }

    public static RecorderFilter Parse(string? status, string? overdue, string? q, string? sort, string? limit, string? after, FieldErrors errors)
    {
        if (status is not null && !RecorderStatus.All.Contains(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", RecorderStatus.All)} (was '{status}')");
        }

        bool? late = overdue?.ToLowerInvariant() switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (overdue is not null && late is null)
        {
            errors.Add("overdue", $"must be true or false (was '{overdue}')");
        }

        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort ?? "serial";
        if (!SortKeys.TryGetValue(key, out var column))
        {
            errors.Add("sort", $"must be one of {string.Join(", ", SortKeys.Keys)}, optionally with a leading '-' (was '{sort}')");
            column = "r.serial";
        }

        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);

        long offset = 0;
        if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            errors.Add("after", $"must be the 'next' value of a previous page, a whole number (was '{after}')");
        }

        if (q is { Length: > 64 })
        {
            errors.Add("q", "must be at most 64 characters");
        }

        return new RecorderFilter
        {
            Status = status, Overdue = late, Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), SortColumn = column, Descending = descending,
            Limit = count, Offset = offset,
        };
    }
}
