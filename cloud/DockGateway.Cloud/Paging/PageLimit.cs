using System.Globalization;
using DockGateway.Cloud.Problems;

namespace DockGateway.Cloud.Paging;

/// <summary>The <c>limit</c> query parameter of the paged lists.</summary>
public static class PageLimit
{
    /// <summary><paramref name="limit"/> as a whole number from 1 to <paramref name="max"/>, <paramref name="fallback"/> when absent; a bad value adds a <c>limit</c> error.</summary>
    public static int Parse(string? limit, int fallback, int max, FieldErrors errors)
    {
        if (limit is null)
        {
            return fallback;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 && count <= max)
        {
            return count;
        }

        errors.Add("limit", $"must be a whole number from 1 to {max} (was '{limit}')");
        return fallback;
    }
}
