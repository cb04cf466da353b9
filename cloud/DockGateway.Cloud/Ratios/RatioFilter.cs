using System.Globalization;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// The filters of <c>GET /api/v1/ratios</c>: <c>q</c> (part of an agency code or name), <c>class</c> (A, B, C),
/// <c>compliant</c> (true: no shortfall; false: short), <c>sort</c> (code, name, shortfall, inService, officers;
/// <c>-</c> for descending; ties by code) and offset pages (<c>limit</c> 1–500, default 100; <c>after</c>).
/// </summary>
public sealed record RatioFilter
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static IReadOnlyList<string> SortKeys { get; } = ["code", "name", "shortfall", "inService", "officers"];

    public string? Search { get; init; }

    public string? Class { get; init; }

    public bool? Compliant { get; init; }

    public string SortKey { get; init; } = "code";

    public bool Descending { get; init; }

    public OffsetPage Page { get; init; } = new(DefaultLimit, 0);

    public static RatioFilter Parse(string? q, string? agencyClass, string? compliant, string? sort, string? limit, string? after, FieldErrors errors)
    {
        bool? isCompliant = compliant?.ToLowerInvariant() switch { null => null, "true" => true, "false" => false, _ => null };
        if (compliant is not null && isCompliant is null)
        {
            errors.Add("compliant", $"must be true or false (was '{compliant}')");
        }

        if (agencyClass is not null && agencyClass is not ("A" or "B" or "C"))
        {
            errors.Add("class", $"must be A, B or C (was '{agencyClass}')");
        }

        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort ?? "code";
        if (!SortKeys.Contains(key, StringComparer.Ordinal))
        {
            errors.Add("sort", $"must be one of {string.Join(", ", SortKeys)}, optionally with a leading '-' (was '{sort}')");
            key = "code";
        }

        if (q is { Length: > 64 })
        {
            errors.Add("q", "must be at most 64 characters");
        }

        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);
        var offset = OffsetPage.Parse(null, after, errors).Offset;
        return new RatioFilter
        {
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(), Class = agencyClass, Compliant = isCompliant, SortKey = key,
            Descending = descending, Page = new OffsetPage(count, offset),
        };
    }

    /// <summary>The sort as the <c>sort</c> parameter writes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Descending ? "-" : string.Empty)}{SortKey}");
}
