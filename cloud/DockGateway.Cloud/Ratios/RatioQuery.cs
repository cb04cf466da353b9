using System.Runtime.CompilerServices;
using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Options;

namespace DockGateway.Cloud.Ratios;

/// <summary>
/// Equipment ratios read from the agencies and their trigger-maintained counters and shortfall (<c>agency_equipment</c>,
/// migrations 0004 and 0550), filtered, sorted and paged in the database (most short first through the index
/// <c>ix_agency_equipment_shortfall</c>). Overdue recorders are counted only for the agencies returned, each a small
/// index range over its in-service recorders: never an aggregate over every recorder of the country.
/// </summary>
public sealed class RatioQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    /// <summary>One agency's ratio, or null when there is no such agency.</summary>
    public async Task<EquipmentRatio?> OneAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {RatioSql.Columns}, {RatioSql.OverdueOf("a.code")} AS RecordersOverdue FROM {RatioSql.From} WHERE a.code = @code",
            new { code, cutoff = Cutoff(now) }, cancellationToken: cancellationToken));
        return row?.ToRatio(Share, now);
    }

    /// <summary>A page of the agencies in <paramref name="agencyCodes"/> (null = all) that match <paramref name="filter"/>.</summary>
    public async Task<RatioPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (from, where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {from} {where}", args, cancellationToken: cancellationToken));
        var rows = total <= filter.Page.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            Select(from, where, filter, $"LIMIT {filter.Page.Limit} OFFSET {filter.Page.Offset}"), args, cancellationToken: cancellationToken))).ToList();
        return new RatioPage(rows.Select(r => r.ToRatio(Share, now)).ToList(), total, filter.Page.Next(rows.Count, total), now);
    }

    /// <summary>Every matching agency in the filter's order, streamed row by row (the CSV export).</summary>
    public async IAsyncEnumerable<EquipmentRatio> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (from, where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(Select(from, where, filter, string.Empty), args).WithCancellation(cancellationToken))
        {
            yield return row.ToRatio(Share, now);
        }
    }

    /// <summary>The count and the page statements <see cref="PageAsync"/> runs, with their arguments (the benchmark prints their plans).</summary>
    internal (string Count, string Page, object Args) PageCommands(IReadOnlyCollection<string>? agencyCodes, RatioFilter filter)
    {
        var (from, where, args) = Where(agencyCodes, filter, time.GetUtcNow());
        return ($"SELECT COUNT(*) FROM {from} {where}", Select(from, where, filter, $"LIMIT {filter.Page.Limit} OFFSET {filter.Page.Offset}"), args);
    }

    private decimal Share => (decimal)options.Value.Ratios.LegalReviewShare;

    private long Cutoff(DateTimeOffset now) => (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds();

    /// <summary>
    /// The page's agency codes first, sorted and cut in the database (from the counter table and its indexes alone unless
    /// a filter or the sort needs the agency's own columns), then their rows and overdue counts: deep pages skip index
    /// entries, not joined rows.
    /// </summary>
    private string Select(string from, string where, RatioFilter filter, string page)
    {
        var order = Order(filter);
        return $"""
            SELECT {RatioSql.Columns}, {RatioSql.OverdueOf("a.code")} AS RecordersOverdue
            FROM (SELECT e.agency_code AS Code FROM {from} {where} ORDER BY {order} {page}) k
            JOIN agency_equipment e ON e.agency_code = k.Code JOIN agencies a ON a.code = k.Code
            ORDER BY {order}
            """;
    }

    private string Order(RatioFilter filter)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        var column = filter.SortKey switch
        {
            "name" => $"a.name {(database.Dialect == SqlDialect.Postgres ? "COLLATE \"C\"" : "COLLATE BINARY")}",
            "shortfall" => "e.shortfall",
            "inService" => "e.recorders_in_service",
            "officers" => "a.officer_count",
            _ => "e.agency_code",
        };
        return filter.SortKey == "code" ? $"{column} {direction}" : $"{column} {direction}, e.agency_code";
    }

    /// <summary>The FROM (the agencies joined only when a filter or the sort reads them), WHERE and arguments.</summary>
    private (string From, string Where, object Args) Where(IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, DateTimeOffset now)
    {
        List<string> where = [];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? "e.agency_code = @code" : database.AnyOf("e.agency_code", "codes"));
        }

        if (filter.Search is not null)
        {
            where.Add(@"(UPPER(a.code) LIKE @search ESCAPE '\' OR UPPER(a.name) LIKE @search ESCAPE '\')");
        }

        if (filter.Class is not null)
        {
            where.Add("a.class = @class");
        }

        if (filter.Compliant is { } compliant)
        {
            where.Add(compliant ? "e.shortfall = 0" : "e.shortfall > 0");
        }

        var agencies = filter.Search is not null || filter.Class is not null || filter.SortKey is "name" or "officers";
        var escaped = filter.Search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return (agencies ? RatioSql.From : "agency_equipment e", where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where), new
        {
            code = agencyCodes?.FirstOrDefault(), codes = agencyCodes?.ToArray() ?? [], search = $"%{escaped}%", @class = filter.Class,
            cutoff = Cutoff(now),
        });
    }

    private sealed class Row
    {
        public string Code { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Class { get; init; } = string.Empty;

        public long OfficerCount { get; init; }

        public long? ClassCMinimum { get; init; }

        public long LegalReviewStaff { get; init; }

        public long RegisteredOfficers { get; init; }

        public long RecordersTotal { get; init; }

        public long RecordersInService { get; init; }

        public long RecordersOverdue { get; init; }

        public EquipmentRatio ToRatio(decimal share, DateTimeOffset now) => EquipmentRatio.From(
            new Agency { Code = Code, Name = Name, Class = Class, OfficerCount = OfficerCount, ClassCMinimum = ClassCMinimum, LegalReviewStaff = LegalReviewStaff },
            new RatioCounts { RegisteredOfficers = RegisteredOfficers, RecordersTotal = RecordersTotal, RecordersInService = RecordersInService, RecordersOverdue = RecordersOverdue },
            share, now);
    }
}
