using DockGateway.Cloud.Paging;

namespace DockGateway.Cloud.AccessLog;

/// <summary>Every entry matching a query, read in keyset pages of 1000 (for CSV exports).</summary>
public static class AccessLogPages
{
    public static async IAsyncEnumerable<AccessLogEntry> AllAsync(
        this IAccessLog log, AccessLogQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = query with { Limit = 1000 };
        while (true)
        {
            var entries = await log.ListAsync(page, cancellationToken);
            foreach (var entry in entries)
            {
                yield return entry;
            }

            if (entries.Count < page.Limit)
            {
                yield break;
            }

            page = page with { After = new KeysetCursor(entries[^1].At.ToUnixTimeMilliseconds(), entries[^1].Id) };
        }
    }
}
