using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Fleet;

/// <summary>
/// The alerts of every agency in scope in one query, newest first, filtered on the server and paged by
/// keyset on (received at, id) descending; and their acknowledgements (table <c>fleet_alert_acknowledgements</c>).
/// </summary>
public sealed class AlertQuery(ICloudDatabase database)
{
    private const string Select = """
        SELECT a.id AS Id, a.agency_code AS AgencyCode, a.dock_id AS DockId, a.event_key AS EventKey, a.kind AS Kind,
            a.occurred_at AS OccurredAtMs, a.received_at AS ReceivedAtMs, a.slot AS Slot, a.recorder AS Recorder, a.file AS File,
            a.message AS Message, a.missing_from AS MissingFrom, a.missing_to AS MissingTo, k.acknowledged_at AS AcknowledgedAtMs, k.actor_name AS AcknowledgedBy, k.comment AS AcknowledgementComment
        FROM fleet_alerts a LEFT JOIN fleet_alert_acknowledgements k ON k.alert_id = a.id
        """;

    /// <summary>A page of the alerts of <paramref name="agencyCodes"/> (null = all) matching <paramref name="filter"/>.</summary>
    public async Task<AlertPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, AlertFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AlertRow>(Command(agencyCodes, filter, filter.Limit + 1, cancellationToken))).ToList();
        var items = rows.Take(filter.Limit).Select(r => r.ToItem()).ToList();
        var next = rows.Count > filter.Limit ? new KeysetCursor(items[^1].ReceivedAt.ToUnixTimeMilliseconds(), items[^1].Id).ToString() : null;
        return new AlertPage(items, next);
    }

    /// <summary>Every matching alert from the filter's cursor on, streamed (CSV exports).</summary>
    public async IAsyncEnumerable<AlertItem> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, AlertFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var command = Command(agencyCodes, filter, null, cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<AlertRow>(command.CommandText, command.Parameters).WithCancellation(cancellationToken))
        {
            yield return row.ToItem();
        }
    }

    /// <summary>Unacknowledged alerts per agency of <paramref name="agencyCodes"/> (null = all); agencies with none are left out.
    /// Read from the counters of <see cref="AlertOpenCounts"/>.</summary>
    public async Task<IReadOnlyList<AlertOpenCount>> OpenCountsAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var scope = agencyCodes is null ? string.Empty : "AND " + database.AnyOf("agency_code", "codes");
        var rows = await connection.QueryAsync<(string AgencyCode, long Open)>(new CommandDefinition(
            $"SELECT agency_code, open_alerts FROM alert_open_counts WHERE open_alerts > 0 {scope} ORDER BY agency_code",
            new { codes = agencyCodes?.ToArray() ?? [] }, cancellationToken: cancellationToken));
        return rows.Select(r => new AlertOpenCount(r.AgencyCode, r.Open)).ToList();
    }

    public async Task<AlertItem?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AlertRow>(new CommandDefinition(
            Select + " WHERE a.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToItem();
    }

    /// <summary>Stores the acknowledgement and moves the agency's open-alert counter in the same transaction; false when the
    /// alert already has one (nothing is changed then).</summary>
    public Task<bool> AcknowledgeAsync(
        string id, string actorId, string actorName, string comment, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO fleet_alert_acknowledgements (alert_id, acknowledged_at, actor_id, actor_name, comment)
                    VALUES (@id, @at, @actorId, @actorName, @comment) ON CONFLICT (alert_id) DO NOTHING
                    """,
                    new { id, at = at.ToUnixTimeMilliseconds(), actorId, actorName, comment }, transaction, cancellationToken: cancellationToken));
                if (inserted == 1)
                {
                    await AlertOpenCounts.AcknowledgedAsync(connection, transaction, id, cancellationToken);
                }

                return inserted == 1;
            },
            cancellationToken);

    private CommandDefinition Command(IReadOnlyCollection<string>? agencyCodes, AlertFilter filter, int? limit, CancellationToken cancellationToken)
    {
        List<string> where = ["1 = 1"];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? "a.agency_code = @code" : database.AnyOf("a.agency_code", "codes"));
        }

        Add(where, filter.Kind, "a.kind = @kind");
        Add(where, filter.Dock, "a.dock_id = @dock");
        Add(where, filter.Recorder, "a.recorder = @recorder");
        Add(where, filter.From, "a.received_at >= @from");
        Add(where, filter.To, "a.received_at < @to");
        Add(where, filter.Acknowledged, filter.Acknowledged == true ? "k.alert_id IS NOT NULL" : "k.alert_id IS NULL");
        Add(where, filter.After, "(a.received_at < @afterMs OR (a.received_at = @afterMs AND a.id < @afterId))");
        var sql = $"{Select} WHERE {string.Join(" AND ", where)} ORDER BY a.received_at DESC, a.id DESC {(limit is null ? string.Empty : "LIMIT @limit")}";
        var args = new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], kind = filter.Kind, dock = filter.Dock, recorder = filter.Recorder,
            from = filter.From?.ToUnixTimeMilliseconds() ?? 0, to = filter.To?.ToUnixTimeMilliseconds() ?? 0,
            afterMs = filter.After?.TimeMs ?? 0, afterId = filter.After?.Id ?? string.Empty, limit = (long)(limit ?? 0),
        };
        return new CommandDefinition(sql, args, cancellationToken: cancellationToken);
    }

    private static void Add(List<string> where, object? value, string clause)
    {
        if (value is not null)
        {
            where.Add(clause);
        }
    }

    private sealed class AlertRow
    {
        public string Id { get; init; } = string.Empty;

        public string AgencyCode { get; init; } = string.Empty;

        public string DockId { get; init; } = string.Empty;

        public string EventKey { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public long OccurredAtMs { get; init; }

        public long ReceivedAtMs { get; init; }

        public long? Slot { get; init; }

        public string? Recorder { get; init; }

        public string? File { get; init; }

        public string? Message { get; init; }

        public long? MissingFrom { get; init; }

        public long? MissingTo { get; init; }

        public long? AcknowledgedAtMs { get; init; }

        public string? AcknowledgedBy { get; init; }

        public string? AcknowledgementComment { get; init; }

        public AlertItem ToItem() => new()
        {
            Id = Id, AgencyCode = AgencyCode, DockId = DockId, EventKey = EventKey, Kind = Kind,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(OccurredAtMs), ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAtMs),
            Slot = (int?)Slot, Recorder = Recorder, File = File, Message = Message, MissingFrom = MissingFrom, MissingTo = MissingTo,
            AcknowledgedAt = AcknowledgedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            AcknowledgedBy = AcknowledgedBy, AcknowledgementComment = AcknowledgementComment,
        };
    }
}
