using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Lists overdue recorders (in service, away from every dock longer than <c>Cloud:Ratios:OverdueAfter</c>;
/// never docked counts from issue), longest away first, paged by keyset on (away since, serial) so a page
/// costs the same deep in the list as at its start (index <c>ix_recorders_agency_away</c>, migration 0201).
/// </summary>
public sealed class OverdueQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    private const string Away = "COALESCE(r.last_docked_at, r.issued_at)";

    /// <summary>A page for <paramref name="agencyCodes"/> (null = all) after <paramref name="after"/>.</summary>
    public async Task<OverduePage> PageAsync(IReadOnlyCollection<string>? agencyCodes, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(Command(agencyCodes, after, limit + 1, now, cancellationToken))).ToList();
        var items = rows.Take(limit).Select(r => r.ToOverdue(now)).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].AwaySince.ToUnixTimeMilliseconds(), items[^1].Serial).ToString() : null;
        return new OverduePage(items, next, now);
    }

    /// <summary>Every overdue recorder of <paramref name="agencyCodes"/> (null = all), streamed (for CSV exports).</summary>
    public async IAsyncEnumerable<OverdueRecorder> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var command = Command(agencyCodes, null, null, now, cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(command.CommandText, command.Parameters).WithCancellation(cancellationToken))
        {
            yield return row.ToOverdue(now);
        }
    }

    private CommandDefinition Command(IReadOnlyCollection<string>? agencyCodes, KeysetCursor? after, int? limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = agencyCodes switch
        {
            null => string.Empty,
            { Count: 1 } => "AND r.agency_code = @code",
            _ => "AND " + database.AnyOf("r.agency_code", "codes"),
        };
        var page = after is null ? string.Empty : $"AND ({Away} > @afterMs OR ({Away} = @afterMs AND r.serial > @afterSerial))";
        var sql = $"""
            SELECT r.serial AS Serial, r.agency_code AS AgencyCode, r.vendor AS Vendor, r.model AS Model, r.assigned_badge AS AssignedBadge,
                   o.name AS OfficerName, r.last_docked_at AS LastDockedAt, r.last_dock_id AS LastDockId, {Away} AS AwaySinceMs
            FROM recorders r
            LEFT JOIN officers o ON o.agency_code = r.agency_code AND o.badge_number = r.assigned_badge
            WHERE r.status = 'in-service' AND {Away} < @cutoff {scope} {page}
            ORDER BY {Away}, r.serial
            {(limit is null ? string.Empty : "LIMIT @limit")}
            """;
        var args = new
        {
            cutoff = (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds(),
            code = agencyCodes?.FirstOrDefault(),
            codes = agencyCodes?.ToArray() ?? [],
            afterMs = after?.TimeMs ?? 0,
            afterSerial = after?.Id ?? string.Empty,
            limit = (long)(limit ?? 0),
        };
        return new CommandDefinition(sql, args, cancellationToken: cancellationToken);
    }

    private sealed class Row
    {
        public string Serial { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string Vendor { get; init; } = string.Empty;

        public string Model { get; init; } = string.Empty;

        public string? AssignedBadge { get; init; }

        public string? OfficerName { get; init; }

        public DateTimeOffset? LastDockedAt { get; init; }

        public string? LastDockId { get; init; }

        public long AwaySinceMs { get; init; }

        public OverdueRecorder ToOverdue(DateTimeOffset now)
        {
            var away = DateTimeOffset.FromUnixTimeMilliseconds(AwaySinceMs);
            return new OverdueRecorder
            {
                Serial = Serial, AgencyCode = AgencyCode, Vendor = Vendor, Model = Model, AssignedBadge = AssignedBadge, OfficerName = OfficerName,
                LastDockedAt = LastDockedAt, LastDockId = LastDockId, AwaySince = away, HoursAway = (long)Math.Floor((now - away).TotalHours),
            };
        }
    }
}
