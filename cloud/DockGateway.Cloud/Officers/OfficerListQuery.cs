using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// The officers of every agency in scope with their assigned recorders and, from the footage index, their last ingest
/// and late recordings in the last 30 days (by recorded start); filtered, sorted and paged on the server. The page's
/// officers are chosen first (<see cref="OfficerListSegments"/>), then only their figures are read: the last ingest
/// from <c>officer_footage</c> (<see cref="OfficerFootageStats"/>), the 30-day counts from the footage index.
/// </summary>
public sealed class OfficerListQuery(ICloudDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task<OfficerListPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = new OfficerListSegments(database, agencyCodes, filter, (now - Window).ToUnixTimeMilliseconds());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (segments, total) = await query.ReadAsync(connection, cancellationToken);
        var rows = new List<Row>();
        var (skip, want) = (filter.Page.Offset, (long)filter.Page.Limit);
        foreach (var (sql, count) in segments)
        {
            if (want == 0 || skip >= total)
            {
                break;
            }

            var page = (await connection.QueryAsync<Row>(new CommandDefinition(
                $"{sql.Replace(OfficerListSegments.Inner, $"LIMIT {skip + want}", StringComparison.Ordinal)} LIMIT {want} OFFSET {skip}", query.Args, cancellationToken: cancellationToken))).ToList();
            rows.AddRange(page);
            // A page that ends inside this segment is complete; one past its end goes on at the next segment's start.
            (skip, want) = (page.Count > 0 ? 0 : skip - await count(), want - page.Count);
        }

        var items = await WithFiguresAsync(connection, rows, now, cancellationToken);
        return new OfficerListPage(items, total, filter.Page.Next(items.Count, total), now);
    }

    /// <summary>Every matching officer, in pages of 500 (the CSV export).</summary>
    public async IAsyncEnumerable<OfficerListItem> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = new OfficerListSegments(database, agencyCodes, filter, (now - Window).ToUnixTimeMilliseconds());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (sql, _) in (await query.ReadAsync(connection, cancellationToken)).Segments)
        {
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql.Replace(OfficerListSegments.Inner, string.Empty, StringComparison.Ordinal), query.Args, cancellationToken: cancellationToken))).ToList();
            foreach (var chunk in rows.Chunk(500))
            {
                foreach (var item in await WithFiguresAsync(connection, chunk, now, cancellationToken))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>The page's officers in the same order, with their recorders, last ingest and 30-day counts.</summary>
    private async Task<List<OfficerListItem>> WithFiguresAsync(DbConnection connection, IReadOnlyList<Row> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var args = new DynamicParameters(new
        {
            codes = rows.Select(r => r.AgencyCode).Distinct().ToArray(), badges = rows.Select(r => r.BadgeNumber).Distinct().ToArray(),
            since = (now - Window).ToUnixTimeMilliseconds(),
        });
        var officers = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            args.Add($"a{i}", rows[i].AgencyCode);
            args.Add($"b{i}", rows[i].BadgeNumber);
            officers.Add($"(o.agency_code = @a{i} AND o.badge_number = @b{i})");
        }

        const string Mine = "f.agency_code = o.agency_code AND f.officer_badge = o.badge_number AND f.recorded_start >= @since";
        var figures = (await connection.QueryAsync<Figures>(new CommandDefinition(
            $"""
            SELECT o.agency_code AS AgencyCode, o.badge_number AS BadgeNumber, s.last_ingest_at AS LastIngestMs,
                (SELECT COUNT(*) FROM footage f WHERE {Mine}) AS Recordings30Days,
                (SELECT COUNT(*) FROM footage f WHERE {Mine} AND f.late = 1) AS Late30Days
            FROM officers o LEFT JOIN officer_footage s ON s.agency_code = o.agency_code AND s.officer_badge = o.badge_number
            WHERE {string.Join(" OR ", officers)}
            """, args, cancellationToken: cancellationToken))).ToDictionary(f => (f.AgencyCode, f.BadgeNumber));
        var assigned = (await connection.QueryAsync<(string Agency, string Badge, string Serial)>(new CommandDefinition(
            $"SELECT agency_code, assigned_badge, serial FROM recorders WHERE {database.AnyOf("agency_code", "codes")} AND {database.AnyOf("assigned_badge", "badges")} ORDER BY serial",
            args, cancellationToken: cancellationToken))).ToLookup(r => (r.Agency, r.Badge), r => r.Serial);
        return rows.Select(r =>
        {
            var f = figures[(r.AgencyCode, r.BadgeNumber)];
            return new OfficerListItem
            {
                AgencyCode = r.AgencyCode, BadgeNumber = r.BadgeNumber, Name = r.Name, Recorders = assigned[(r.AgencyCode, r.BadgeNumber)].ToList(),
                LastIngestAt = f.LastIngestMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                Recordings30Days = f.Recordings30Days, Late30Days = f.Late30Days,
            };
        }).ToList();
    }

    private sealed class Row
    {
        public string AgencyCode { get; init; } = string.Empty;

        public string BadgeNumber { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;
    }

    private sealed class Figures
    {
        public string AgencyCode { get; init; } = string.Empty;

        public string BadgeNumber { get; init; } = string.Empty;

        public long? LastIngestMs { get; init; }

        public long Recordings30Days { get; init; }

        public long Late30Days { get; init; }
    }
}
