using Dapper;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// Searches the footage index (table <c>footage</c>), newest recording first, paged by keyset on
/// (recorded start, dock id + entry index) so a deep page costs what the first does.
/// </summary>
public sealed class FootageSearch(ICloudDatabase database)
{
    private const string Columns = """
        f.sha256 AS Sha256, f.dock_id AS DockId, f.entry_index AS EntryIndex, f.agency_code AS AgencyCode, f.size AS Size,
        f.recorder AS Recorder, f.officer_badge AS OfficerBadge, f.path AS Path, f.recorded_start AS RecordedStart,
        f.recorded_end AS RecordedEnd, f.ingested_at AS IngestedAt, f.received_at AS ReceivedAt, f.late AS Late,
        (SELECT COUNT(*) FROM uploads u WHERE u.sha256 = f.sha256 AND u.completed_at IS NOT NULL) AS StoredCount,
        (SELECT COUNT(*) FROM deletion_records d WHERE d.sha256 = f.sha256 AND d.state = 'deleted') AS DeletedCount
        """;

    public async Task<FootagePage> PageAsync(FootageFilter filter, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FootageRow>(Command(filter, after, limit + 1, cancellationToken))).ToList();
        var items = await WithCasesAsync(connection, rows.Take(limit).ToList(), cancellationToken);
        var next = rows.Count > limit ? Cursor(items[^1]).ToString() : null;
        return new FootagePage(items, next);
    }

    /// <summary>Every hit of <paramref name="filter"/>, streamed page by page (CSV exports).</summary>
    public async IAsyncEnumerable<FootageHit> AllAsync(
        FootageFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        KeysetCursor? after = null;
        while (true)
        {
            var page = await PageAsync(filter, after, 1000, cancellationToken);
            foreach (var hit in page.Items)
            {
                yield return hit;
            }

            if (page.Next is null)
            {
                yield break;
            }

            after = Cursor(page.Items[^1]);
        }
    }

    /// <summary>Every footage row with this SHA-256 (one file can be ingested more than once), oldest entry first.</summary>
    public async Task<IReadOnlyList<FootageHit>> BySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FootageRow>(new CommandDefinition(
            $"SELECT {Columns} FROM footage f WHERE f.sha256 = @sha256 ORDER BY f.received_at, f.dock_id, f.entry_index",
            new { sha256 }, cancellationToken: cancellationToken))).ToList();
        return await WithCasesAsync(connection, rows, cancellationToken);
    }

    /// <summary>The footage row of a custody entry, or null.</summary>
    public async Task<FootageHit?> ByEntryAsync(string dockId, long entryIndex, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FootageRow>(new CommandDefinition(
            $"SELECT {Columns} FROM footage f WHERE f.dock_id = @dockId AND f.entry_index = @entryIndex",
            new { dockId, entryIndex }, cancellationToken: cancellationToken))).ToList();
        return (await WithCasesAsync(connection, rows, cancellationToken)).FirstOrDefault();
    }

    private static KeysetCursor Cursor(FootageHit hit) =>
        new(hit.RecordedStart.ToUnixTimeMilliseconds(), $"{hit.DockId}/{hit.EntryIndex:D19}");

    /// <summary>The rows with their case numbers, read in one query for the whole page.</summary>
    private async Task<List<FootageHit>> WithCasesAsync(
        System.Data.Common.DbConnection connection, List<FootageRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var links = await connection.QueryAsync<(string DockId, long EntryIndex, string CaseNumber)>(new CommandDefinition(
            $"""
            SELECT l.dock_id, l.entry_index, c.case_number FROM case_footage l JOIN cases c ON c.id = l.case_id
            WHERE {database.AnyOf("l.dock_id", "docks")} AND l.entry_index >= @first AND l.entry_index <= @last
            """,
            new { docks = rows.Select(r => r.DockId).Distinct().ToArray(), first = rows.Min(r => r.EntryIndex), last = rows.Max(r => r.EntryIndex) },
            cancellationToken: cancellationToken));
        var byEntry = links.ToLookup(l => (l.DockId, l.EntryIndex), l => l.CaseNumber);
        return rows.Select(r => r.ToHit(byEntry[(r.DockId, r.EntryIndex)].Order(StringComparer.Ordinal).ToList())).ToList();
    }

    private CommandDefinition Command(FootageFilter filter, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (filter.Agencies is not null)
        {
            where.Add(database.AnyOf("f.agency_code", "agencies"));
        }

        Add(where, filter.Officer, "f.officer_badge = @Officer");
        Add(where, filter.Recorder, "f.recorder = @Recorder");
        Add(where, filter.Dock, "f.dock_id = @Dock");
        Add(where, filter.To, "f.recorded_start < @toMs");
        Add(where, filter.From, "f.recorded_end >= @fromMs");
        Add(where, filter.CaseNumber, """
            EXISTS (SELECT 1 FROM case_footage l JOIN cases c ON c.id = l.case_id
                    WHERE l.dock_id = f.dock_id AND l.entry_index = f.entry_index AND c.case_number = @CaseNumber)
            """);
        if (after is { } cursor)
        {
            where.Add("(f.recorded_start < @afterMs OR (f.recorded_start = @afterMs AND (f.dock_id < @afterDock OR (f.dock_id = @afterDock AND f.entry_index < @afterEntry))))");
        }

        var sql = $"""
            SELECT {Columns} FROM footage f
            {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))}
            ORDER BY f.recorded_start DESC, f.dock_id DESC, f.entry_index DESC
            LIMIT @limit
            """;
        var (afterDock, afterEntry) = SplitCursor(after);
        return new CommandDefinition(sql, new
        {
            agencies = filter.Agencies?.ToArray() ?? [],
            filter.Officer,
            filter.Recorder,
            filter.Dock,
            filter.CaseNumber,
            fromMs = filter.From?.ToUnixTimeMilliseconds() ?? 0L,
            toMs = filter.To?.ToUnixTimeMilliseconds() ?? 0L,
            afterMs = after?.TimeMs ?? 0L,
            afterDock,
            afterEntry,
            limit = (long)limit,
        }, cancellationToken: cancellationToken);
    }

    private static (string Dock, long Entry) SplitCursor(KeysetCursor? cursor)
    {
        if (cursor is not { } c)
        {
            return (string.Empty, 0);
        }

        var slash = c.Id.LastIndexOf('/');
        return slash > 0 && long.TryParse(c.Id.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture, out var entry)
            ? (c.Id[..slash], entry)
            : (c.Id, long.MaxValue);
    }

    private static void Add(List<string> where, object? value, string condition)
    {
        if (value is not null)
        {
            where.Add(condition);
        }
    }
}
