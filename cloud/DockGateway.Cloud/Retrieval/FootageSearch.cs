using Dapper;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retrieval;

/// <summary>
/// Searches the footage index (table <c>footage</c>), newest recording first, paged by keyset on
/// (recorded start, dock id + entry index) so a deep page costs what the first does.
/// </summary>
public sealed class FootageSearch(ICloudDatabase database)
{
    /// <summary>The footage row (<see cref="FootageStore.Columns"/>) and then <c>Stored</c>: 1 while the file's bytes are in
    /// the footage store (an upload completed, no deletion record says deleted).</summary>
    private const string Columns = FootageStore.Columns + """
        ,
        CAST(CASE WHEN EXISTS (SELECT 1 FROM uploads u WHERE u.sha256 = f.sha256 AND u.completed_at IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM deletion_records d WHERE d.sha256 = f.sha256 AND d.state = 'deleted')
                  THEN 1 ELSE 0 END AS BIGINT) AS Stored
        """;

    public async Task<FootagePage> PageAsync(FootageFilter filter, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await QueryAsync(connection, Command(filter, after, limit + 1, cancellationToken))).ToList();
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
        var rows = (await QueryAsync(connection, new CommandDefinition(
            $"SELECT {Columns} FROM footage f WHERE f.sha256 = @sha256 ORDER BY f.received_at, f.dock_id, f.entry_index",
            new { sha256 }, cancellationToken: cancellationToken))).ToList();
        return await WithCasesAsync(connection, rows, cancellationToken);
    }

    /// <summary>The footage row of a custody entry, or null.</summary>
    public async Task<FootageHit?> ByEntryAsync(string dockId, long entryIndex, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await QueryAsync(connection, new CommandDefinition(
            $"SELECT {Columns} FROM footage f WHERE f.dock_id = @dockId AND f.entry_index = @entryIndex",
            new { dockId, entryIndex }, cancellationToken: cancellationToken))).ToList();
        return (await WithCasesAsync(connection, rows, cancellationToken)).FirstOrDefault();
    }

    private static Task<IEnumerable<(FootageRecord Record, bool Stored)>> QueryAsync(
        System.Data.Common.DbConnection connection, CommandDefinition command) =>
        connection.QueryAsync<FootageRow, long, (FootageRecord, bool)>(
            command, (row, stored) => (row.ToRecord(), stored != 0), splitOn: "Stored");

    private static KeysetCursor Cursor(FootageHit hit) =>
        new(hit.RecordedStart.ToUnixTimeMilliseconds(), $"{hit.DockId}/{hit.EntryIndex:D19}");

    /// <summary>The rows with their case numbers, read in one query for the whole page.</summary>
    private async Task<List<FootageHit>> WithCasesAsync(
        System.Data.Common.DbConnection connection, List<(FootageRecord Record, bool Stored)> rows, CancellationToken cancellationToken)
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
            new
            {
                docks = rows.Select(r => r.Record.DockId).Distinct().ToArray(),
                first = rows.Min(r => r.Record.EntryIndex),
                last = rows.Max(r => r.Record.EntryIndex),
            },
            cancellationToken: cancellationToken));
        var byEntry = links.ToLookup(l => (l.DockId, l.EntryIndex), l => l.CaseNumber);
        return rows
            .Select(r => FootageHit.From(r.Record, r.Stored, byEntry[(r.Record.DockId, r.Record.EntryIndex)].Order(StringComparer.Ordinal).ToList()))
            .ToList();
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
