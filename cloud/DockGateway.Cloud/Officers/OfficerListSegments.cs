using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Officers;

/// <summary>
/// The SQL of the officer list, as ordered segments (each counted only when a page reaches past its end): one segment
/// (every matching officer) unless the list is filtered or sorted by late recordings; then the officers with late
/// recordings in the window (a grouped join of the late rows' partial index <c>ix_footage_late_recorded</c> with the
/// officers) and those without (the officers' primary key, with a NOT EXISTS probe), in the order the sort puts them.
/// So no query computes per-officer footage figures for every officer before sorting (see <see cref="OfficerListQuery"/>).
/// </summary>
internal sealed class OfficerListSegments(ICloudDatabase database, IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, long since)
{
    /// <summary>Where a segment's own inner query takes the rows up to the end of the page ("LIMIT offset + limit"; nothing for all rows).</summary>
    public const string Inner = "/*inner*/";

    private const string Key = "o.agency_code AS AgencyCode, o.badge_number AS BadgeNumber, o.name AS Name";

    public DynamicParameters Args { get; } = Parameters(agencyCodes, filter, since);

    /// <summary>
    /// The segments in list order, each an ordered SELECT of AgencyCode, BadgeNumber, Name and a count read only when a
    /// page reaches past the segment's end; and how many officers the list has in all.
    /// </summary>
    public async Task<(IReadOnlyList<(string Sql, Func<Task<long>> Count)> Segments, long Total)> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var where = Where("o.agency_code");
        var stats = filter.SortKey == "lastIngest" ? " LEFT JOIN officer_footage s ON s.agency_code = o.agency_code AND s.officer_badge = o.badge_number" : string.Empty;
        if (filter.Late is null && filter.SortKey != "late")
        {
            var all = await CountAsync(connection, cancellationToken);
            return ([($"SELECT {Key} FROM officers o{stats} WHERE {where} ORDER BY {Order(null)}", () => Task.FromResult(all))], all);
        }

        var lateRows = $"""
            SELECT agency_code, officer_badge, COUNT(*) AS n FROM footage
            WHERE late = 1 AND recorded_start >= @since AND officer_badge IS NOT NULL AND {Where("agency_code", officers: false)}
            GROUP BY agency_code, officer_badge
            """;
        var lateJoin = $"FROM ({lateRows}) l JOIN officers o ON o.agency_code = l.agency_code AND o.badge_number = l.officer_badge{stats} WHERE {where}";
        string lateSql;
        string lateCount;
        if (filter.Search is null && filter.SortKey == "late")
        {
            // Sorted by late recordings, unsearched: order the late rows' groups and join only the page's officers. Every
            // footage badge is an officer of that agency (set from the recorder's assigned officer, a foreign key, when
            // the entry was stored; officers are never deleted or renumbered), so the groups are the officers.
            var direction = filter.Descending ? "DESC" : "ASC";
            lateSql = $"""
                SELECT {Key} FROM ({lateRows} ORDER BY n {direction}, agency_code {direction}, officer_badge {direction} {Inner}) l
                JOIN officers o ON o.agency_code = l.agency_code AND o.badge_number = l.officer_badge ORDER BY {Order("l.n")}
                """;
            lateCount = $"SELECT COUNT(*) FROM ({lateRows}) l";
        }
        else
        {
            lateSql = $"SELECT {Key} {lateJoin} ORDER BY {Order("l.n")}";
            lateCount = $"SELECT COUNT(*) {lateJoin}";
        }

        long? withLate = null;
        async Task<long> WithLate() => withLate ??= await connection.ExecuteScalarAsync<long>(new CommandDefinition(lateCount, Args, cancellationToken: cancellationToken));
        var late = (lateSql, (Func<Task<long>>)WithLate);
        if (filter.Late == true)
        {
            return ([late], await WithLate());
        }

        var officers = await CountAsync(connection, cancellationToken);
        var none = ($"""
            SELECT {Key} FROM officers o{stats} WHERE {where} AND NOT EXISTS (SELECT 1 FROM footage f
                WHERE f.agency_code = o.agency_code AND f.officer_badge = o.badge_number AND f.late = 1 AND f.recorded_start >= @since)
            ORDER BY {Order(null)}
            """, (Func<Task<long>>)(async () => officers - await WithLate()));
        return filter.Late == false ? ([none], officers - await WithLate())
            : (filter.Descending ? [late, none] : [none, late], officers);
    }

    /// <summary>How many officers match the scope and search: the trigger-kept per-agency counters (0004) without a search.</summary>
    private Task<long> CountAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            filter.Search is null
                ? $"SELECT CAST(COALESCE(SUM(officers_registered), 0) AS BIGINT) FROM agency_equipment WHERE {Where("agency_code", officers: false)}"
                : $"SELECT COUNT(*) FROM officers o WHERE {Where("o.agency_code")}",
            Args, cancellationToken: cancellationToken));

    private string Where(string agencyColumn, bool officers = true)
    {
        List<string> where = ["1 = 1"];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? $"{agencyColumn} = @code" : database.AnyOf(agencyColumn, "codes"));
        }

        if (officers && filter.Search is not null)
        {
            where.Add(@"(UPPER(o.badge_number) LIKE @search ESCAPE '\' OR o.name LIKE @search ESCAPE '\')");
        }

        return string.Join(" AND ", where);
    }

    private string Order(string? late)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        var ties = $"o.agency_code {direction}, o.badge_number {direction}";
        return filter.SortKey switch
        {
            // Code-point order on both databases (PostgreSQL's default collation follows the server's locale).
            "name" => $"o.name {(database.Dialect == SqlDialect.Postgres ? "COLLATE \"C\"" : "COLLATE BINARY")} {direction}, {ties}",
            "lastIngest" => $"COALESCE(s.last_ingest_at, 0) {direction}, {ties}",
            "late" when late is not null => $"{late} {direction}, {ties}",
            _ => ties,
        };
    }

    private static DynamicParameters Parameters(IReadOnlyCollection<string>? agencyCodes, OfficerFilter filter, long since)
    {
        var escaped = filter.Search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return new DynamicParameters(new { code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], search = $"%{escaped}%", since });
    }
}
