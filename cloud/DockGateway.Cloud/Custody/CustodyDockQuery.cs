using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// The custody overview of every dock in scope, paged on the server: per dock its largest cosigned checkpoint
/// (witness_latest), the entries the cloud holds (custody_entries) and the refused checkpoints (witness_rejections),
/// filtered by witness status and a dock id or site search, ordered by agency then dock id.
/// </summary>
public sealed class CustodyDockQuery(ICloudDatabase database)
{
    private const string Rows = """
        SELECT d.id AS DockId, d.agency_code AS AgencyCode, d.site AS Site, d.origin AS Origin,
            wl.size AS CosignedSize, wl.root_hash AS CosignedRootHex, wl.cosigned_at AS CosignedAtMs,
            (SELECT COUNT(*) FROM custody_entries ce WHERE ce.dock_id = d.id) AS StoredEntries,
            (SELECT COUNT(*) FROM witness_rejections wr WHERE wr.origin = d.origin) AS Refusals,
            (SELECT MAX(wr.at) FROM witness_rejections wr WHERE wr.origin = d.origin) AS LastRefusedAtMs
        FROM docks d LEFT JOIN witness_latest wl ON wl.origin = d.origin
        """;

    private const string Status = """
        CASE WHEN x.CosignedSize IS NULL THEN 'never'
             WHEN x.LastRefusedAtMs IS NOT NULL AND x.LastRefusedAtMs >= x.CosignedAtMs THEN 'refused'
             WHEN x.StoredEntries < x.CosignedSize THEN 'behind'
             ELSE 'ok' END
        """;

    public async Task<CustodyDockPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, string? status, string? search, OffsetPage page, CancellationToken cancellationToken)
    {
        var (sql, args) = Query(agencyCodes, status, search);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM ({sql}) y", args, cancellationToken: cancellationToken));
        var rows = total <= page.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            $"{sql} ORDER BY AgencyCode, DockId LIMIT {page.Limit} OFFSET {page.Offset}", args, cancellationToken: cancellationToken))).ToList();
        var items = new List<CustodyDockItem>(rows.Count);
        foreach (var row in rows)
        {
            items.Add(row.ToItem(await LastReasonAsync(connection, row, cancellationToken)));
        }

        return new CustodyDockPage(items, total, page.Next(items.Count, total));
    }

    /// <summary>Every matching dock, streamed (the CSV export).</summary>
    public async IAsyncEnumerable<CustodyDockItem> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, string? status, string? search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sql, args) = Query(agencyCodes, status, search);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"{sql} ORDER BY AgencyCode, DockId", args, cancellationToken: cancellationToken))).ToList();
        foreach (var row in rows)
        {
            yield return row.ToItem(await LastReasonAsync(connection, row, cancellationToken));
        }
    }

    private static async Task<string?> LastReasonAsync(System.Data.Common.DbConnection connection, Row row, CancellationToken cancellationToken) =>
        row.LastRefusedAtMs is null ? null : await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT reason FROM witness_rejections WHERE origin = @origin ORDER BY at DESC, id DESC LIMIT 1",
            new { origin = row.Origin }, cancellationToken: cancellationToken));

    private (string Sql, object Args) Query(IReadOnlyCollection<string>? agencyCodes, string? status, string? search)
    {
        List<string> inner = ["1 = 1"];
        if (agencyCodes is not null)
        {
            inner.Add(agencyCodes.Count == 1 ? "d.agency_code = @code" : database.AnyOf("d.agency_code", "codes"));
        }

        if (search is not null)
        {
            inner.Add(@"(UPPER(d.id) LIKE @search ESCAPE '\' OR UPPER(d.site) LIKE @search ESCAPE '\')");
        }

        var escaped = search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var sql = $"SELECT x.*, {Status} AS Status FROM ({Rows} WHERE {string.Join(" AND ", inner)}) x";
        if (status is not null)
        {
            sql = $"SELECT * FROM ({sql}) s WHERE s.Status = @status";
        }

        return (sql, new { code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], search = $"%{escaped}%", status });
    }

    private sealed class Row
    {
        public string DockId { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string Site { get; init; } = string.Empty;

        public string? Origin { get; init; }

        public long? CosignedSize { get; init; }

        public string? CosignedRootHex { get; init; }

        public long? CosignedAtMs { get; init; }

        public long StoredEntries { get; init; }

        public long Refusals { get; init; }

        public long? LastRefusedAtMs { get; init; }

        public string Status { get; init; } = string.Empty;

        public CustodyDockItem ToItem(string? lastReason) => new()
        {
            DockId = DockId, AgencyCode = AgencyCode, Site = Site, Origin = Origin, CosignedSize = CosignedSize,
            CosignedRoot = CosignedRootHex is null ? null : Convert.ToBase64String(Convert.FromHexString(CosignedRootHex)),
            CosignedAt = CosignedAtMs is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null, StoredEntries = StoredEntries,
            Refusals = Refusals, LastRefusedAt = LastRefusedAtMs is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null,
            LastRefusalReason = lastReason, Status = Status,
        };
    }
}
