using Dapper;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// Serials seen at a dock while unregistered, per (serial, dock's agency), from the <c>unregistered</c> alerts and from
/// current slot reports naming a serial the dock's agency does not have; paged, most recently seen first.
/// </summary>
public sealed class UnregisteredSightingQuery(ICloudDatabase database)
{
    public async Task<UnregisteredSightingPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, OffsetPage page, CancellationToken cancellationToken)
    {
        var (sql, args) = Query(agencyCodes);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM ({sql}) y", args, cancellationToken: cancellationToken));
        var items = total <= page.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            $"{sql} ORDER BY LastSeenMs DESC, Serial LIMIT {page.Limit} OFFSET {page.Offset}", args, cancellationToken: cancellationToken))).Select(r => r.ToItem()).ToList();
        return new UnregisteredSightingPage(items, total, page.Next(items.Count, total));
    }

    public async Task<IReadOnlyList<UnregisteredSighting>> AllAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        var (sql, args) = Query(agencyCodes);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition($"{sql} ORDER BY LastSeenMs DESC, Serial", args, cancellationToken: cancellationToken)))
            .Select(r => r.ToItem()).ToList();
    }

    private (string Sql, object Args) Query(IReadOnlyCollection<string>? agencyCodes)
    {
        var scope = agencyCodes is null ? "1 = 1" : agencyCodes.Count == 1 ? "x.agency_code = @code" : database.AnyOf("x.agency_code", "codes");
        var sql = $"""
            SELECT x.serial AS Serial, x.agency_code AS AgencyCode, COUNT(*) AS Sightings, MIN(x.at) AS FirstSeenMs, MAX(x.at) AS LastSeenMs,
                (SELECT l.dock_id FROM ({Seen}) l WHERE l.serial = x.serial AND l.agency_code = x.agency_code ORDER BY l.at DESC LIMIT 1) AS LastDockId,
                (SELECT r.agency_code FROM recorders r WHERE r.serial = x.serial) AS RegisteredAgency
            FROM ({Seen}) x WHERE {scope}
            GROUP BY x.serial, x.agency_code
            """;
        return ($"SELECT * FROM ({sql}) g", new { code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [] });
    }

    private const string Seen = """
        SELECT a.recorder AS serial, a.agency_code, a.dock_id, a.received_at AS at FROM fleet_alerts a
        WHERE a.kind = 'unregistered' AND a.recorder IS NOT NULL
        UNION ALL
        SELECT s.recorder, s.agency_code, s.dock_id, s.received_at FROM fleet_slots s
        WHERE s.recorder IS NOT NULL AND s.state <> 'empty'
            AND NOT EXISTS (SELECT 1 FROM recorders r WHERE r.serial = s.recorder AND r.agency_code = s.agency_code)
        """;

    private sealed class Row
    {
        public string Serial { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public long Sightings { get; init; }

        public long FirstSeenMs { get; init; }

        public long LastSeenMs { get; init; }

        public string? LastDockId { get; init; }

        public string? RegisteredAgency { get; init; }

        public UnregisteredSighting ToItem() => new(Serial, AgencyCode, Sightings, DateTimeOffset.FromUnixTimeMilliseconds(FirstSeenMs),
            DateTimeOffset.FromUnixTimeMilliseconds(LastSeenMs), LastDockId, RegisteredAgency);
    }
}
