using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Registry;

/// <summary>
/// The recorder list of every agency in scope: filtered, searched, sorted and paged on the server (offset pages
/// with a total, so a page past the end can be named), with each recorder's officer and whether it is overdue.
/// </summary>
public sealed class RecorderQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    private const string Away = "COALESCE(r.last_docked_at, r.issued_at)";

    /// <summary>A page for <paramref name="agencyCodes"/> (null = all), and how many recorders match in all.</summary>
    public async Task<RecorderListPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, RecorderFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Unfiltered, the total is the sum of the trigger-kept per-agency counters (0004), not a count of every recorder.
        var count = filter is { Status: null, Search: null, Overdue: null }
            ? $"SELECT CAST(COALESCE(SUM(recorders_total), 0) AS BIGINT) FROM agency_equipment r WHERE {where}"
            : $"SELECT COUNT(*) FROM recorders r WHERE {where}";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, args, cancellationToken: cancellationToken));
        var items = total <= filter.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select(where, filter)} LIMIT {filter.Limit} OFFSET {filter.Offset}", args, cancellationToken: cancellationToken))).Select(r => r.ToItem()).ToList();
        var next = filter.Offset + items.Count < total ? (filter.Offset + items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new RecorderListPage(items, total, next, now);
    }

    /// <summary>Every matching recorder, streamed (CSV exports).</summary>
    public async IAsyncEnumerable<RecorderListItem> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, RecorderFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (where, args) = Where(agencyCodes, filter, time.GetUtcNow());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(Select(where, filter), args).WithCancellation(cancellationToken))
        {
            yield return row.ToItem();
        }
    }

    private static string Select(string where, RecorderFilter filter) => $"""
        SELECT r.serial AS Serial, r.agency_code AS AgencyCode, r.vendor AS Vendor, r.model AS Model, r.status AS Status,
            r.assigned_badge AS AssignedBadge, o.name AS OfficerName, r.last_docked_at AS LastDockedAtMs, r.last_dock_id AS LastDockId,
            CASE WHEN r.status = 'in-service' AND {Away} < @cutoff THEN 1 ELSE 0 END AS Overdue
        FROM recorders r LEFT JOIN officers o ON o.agency_code = r.agency_code AND o.badge_number = r.assigned_badge
        WHERE {where}
        ORDER BY {filter.SortColumn} {(filter.Descending ? "DESC" : "ASC")}, r.serial {(filter.Descending ? "DESC" : "ASC")}
        """;

    private (string Where, object Args) Where(IReadOnlyCollection<string>? agencyCodes, RecorderFilter filter, DateTimeOffset now)
    {
        List<string> where = ["1 = 1"];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? "r.agency_code = @code" : database.AnyOf("r.agency_code", "codes"));
        }

        if (filter.Status is not null)
        {
            where.Add("r.status = @status");
        }

        if (filter.Search is not null)
        {
            where.Add(@"UPPER(r.serial) LIKE @search ESCAPE '\'");
        }

        if (filter.Overdue is { } overdue)
        {
            where.Add(overdue ? $"(r.status = 'in-service' AND {Away} < @cutoff)" : $"NOT (r.status = 'in-service' AND {Away} < @cutoff)");
        }

        var search = filter.Search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var args = new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], status = filter.Status, search = $"%{search}%",
            cutoff = (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds(),
        };
        return (string.Join(" AND ", where), args);
    }

    private sealed class Row
    {
        public string Serial { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string Vendor { get; init; } = string.Empty;

        public string Model { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string? AssignedBadge { get; init; }

        public string? OfficerName { get; init; }

        public long? LastDockedAtMs { get; init; }

        public string? LastDockId { get; init; }

        public long Overdue { get; init; }

        public RecorderListItem ToItem() => new()
        {
            Serial = Serial, AgencyCode = AgencyCode, Vendor = Vendor, Model = Model, Status = Status, AssignedBadge = AssignedBadge,
            OfficerName = OfficerName, LastDockedAt = LastDockedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            LastDockId = LastDockId, Overdue = Overdue == 1,
        };
    }
}
