using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// The officers of every agency in scope with their assigned recorders and, from the footage index, their last ingest
/// and late recordings in the last 30 days (by recorded start); filtered, sorted and paged on the server.
/// </summary>
public sealed class OfficerListQuery(ICloudDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task<OfficerListPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (sql, args) = Query(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM ({sql}) y", args, cancellationToken: cancellationToken));
        var rows = total <= filter.Page.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            $"{sql} ORDER BY {Order(filter)} LIMIT {filter.Page.Limit} OFFSET {filter.Page.Offset}", args, cancellationToken: cancellationToken))).ToList();
        var items = await WithRecordersAsync(connection, rows, cancellationToken);
        return new OfficerListPage(items, total, filter.Page.Next(items.Count, total), now);
    }

    /// <summary>Every matching officer, in pages of 500 (the CSV export).</summary>
    public async IAsyncEnumerable<OfficerListItem> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sql, args) = Query(agencyCodes, filter, time.GetUtcNow());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"{sql} ORDER BY {Order(filter)}", args, cancellationToken: cancellationToken))).ToList();
        foreach (var chunk in rows.Chunk(500))
        {
            foreach (var item in await WithRecordersAsync(connection, chunk, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private async Task<List<OfficerListItem>> WithRecordersAsync(System.Data.Common.DbConnection connection, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var assigned = (await connection.QueryAsync<(string Agency, string Badge, string Serial)>(new CommandDefinition(
            $"SELECT agency_code, assigned_badge, serial FROM recorders WHERE {database.AnyOf("agency_code", "codes")} AND {database.AnyOf("assigned_badge", "badges")} ORDER BY serial",
            new { codes = rows.Select(r => r.AgencyCode).Distinct().ToArray(), badges = rows.Select(r => r.BadgeNumber).Distinct().ToArray() },
            cancellationToken: cancellationToken))).ToLookup(r => (r.Agency, r.Badge), r => r.Serial);
        return rows.Select(r => new OfficerListItem
        {
            AgencyCode = r.AgencyCode, BadgeNumber = r.BadgeNumber, Name = r.Name, Recorders = assigned[(r.AgencyCode, r.BadgeNumber)].ToList(),
            LastIngestAt = r.LastIngestMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            Recordings30Days = r.Recordings30Days, Late30Days = r.Late30Days,
        }).ToList();
    }

    private string Order(OfficerFilter filter)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        var ties = $"x.AgencyCode {direction}, x.BadgeNumber {direction}";
        return filter.SortKey switch
        {
            // Code-point order on both databases (PostgreSQL's default collation follows the server's locale).
            "name" => $"x.Name {(database.Dialect == SqlDialect.Postgres ? "COLLATE \"C\"" : "COLLATE BINARY")} {direction}, {ties}",
            "lastIngest" => $"COALESCE(x.LastIngestMs, 0) {direction}, {ties}",
            "late" => $"x.Late30Days {direction}, {ties}",
            _ => ties,
        };
    }

    private (string Sql, object Args) Query(IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, DateTimeOffset now)
    {
        List<string> where = ["1 = 1"];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? "o.agency_code = @code" : database.AnyOf("o.agency_code", "codes"));
        }

        if (filter.Search is not null)
        {
            where.Add(@"(UPPER(o.badge_number) LIKE @search ESCAPE '\' OR o.name LIKE @search ESCAPE '\')");
        }

        const string Mine = "f.agency_code = o.agency_code AND f.officer_badge = o.badge_number";
        var sql = $"""
            SELECT * FROM (
                SELECT o.agency_code AS AgencyCode, o.badge_number AS BadgeNumber, o.name AS Name,
                    (SELECT MAX(f.ingested_at) FROM footage f WHERE {Mine}) AS LastIngestMs,
                    (SELECT COUNT(*) FROM footage f WHERE {Mine} AND f.recorded_start >= @since) AS Recordings30Days,
                    (SELECT COUNT(*) FROM footage f WHERE {Mine} AND f.recorded_start >= @since AND f.late = 1) AS Late30Days
                FROM officers o WHERE {string.Join(" AND ", where)}) x
            {filter.Late switch { true => "WHERE x.Late30Days > 0", false => "WHERE x.Late30Days = 0", null => string.Empty }}
            """;
        var escaped = filter.Search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return (sql, new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], search = $"%{escaped}%",
            since = (now - Window).ToUnixTimeMilliseconds(),
        });
    }

    private sealed class Row
    {
        public string AgencyCode { get; init; } = string.Empty;

        public string BadgeNumber { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public long? LastIngestMs { get; init; }

        public long Recordings30Days { get; init; }

        public long Late30Days { get; init; }
    }
}
