using System.Globalization;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Paging;

/// <summary>Offset pages of the custody and officer lists: <c>limit</c> (1–<see cref="MaxLimit"/>) and <c>after</c> (rows to skip, the previous page's <c>next</c>).</summary>
public readonly record struct OffsetPage(int Limit, long Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static OffsetPage Parse(string? limit, string? after, FieldErrors errors)
    {
        var count = PageLimit.Parse(limit, DefaultLimit, MaxLimit, errors);
        long offset = 0;
        if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            errors.Add("after", $"must be the 'next' value of a previous page, a whole number (was '{after}')");
        }

        return new OffsetPage(count, offset);
    }

    /// <summary>The following page's <c>after</c>, null when <paramref name="shown"/> rows reach <paramref name="total"/>.</summary>
    public string? Next(int shown, long total) =>
        Offset + shown < total ? (Offset + shown).ToString(CultureInfo.InvariantCulture) : null;
}
