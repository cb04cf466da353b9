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
        var (where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {RatioSql.From} {where}", args, cancellationToken: cancellationToken));
        var rows = total <= filter.Page.Offset ? [] : (await connection.QueryAsync<Row>(new CommandDefinition(
            Select(where, filter, $"LIMIT {filter.Page.Limit} OFFSET {filter.Page.Offset}"), args, cancellationToken: cancellationToken))).ToList();
        return new RatioPage(rows.Select(r => r.ToRatio(Share, now)).ToList(), total, filter.Page.Next(rows.Count, total), now);
    }

    /// <summary>Every matching agency in the filter's order, streamed row by row (the CSV export).</summary>
    public async IAsyncEnumerable<EquipmentRatio> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(Select(where, filter, string.Empty), args).WithCancellation(cancellationToken))
        {
            yield return row.ToRatio(Share, now);
        }
    }

    private decimal Share => (decimal)options.Value.Ratios.LegalReviewShare;

    private long Cutoff(DateTimeOffset now) => (now - options.Value.Ratios.OverdueAfter).ToUnixTimeMilliseconds();

    /// <summary>The page of agencies first (sorted and cut in the database), then their overdue counts.</summary>
    private string Select(string where, RatioFilter filter, string page)
    {
        var (inner, outer) = Order(filter);
        return $"""
            SELECT p.Code, p.Name, p.Class, p.OfficerCount, p.ClassCMinimum, p.LegalReviewStaff, p.RegisteredOfficers,
                   p.RecordersTotal, p.RecordersInService, {RatioSql.OverdueOf("p.Code")} AS RecordersOverdue
            FROM (SELECT {RatioSql.Columns}, e.shortfall AS Shortfall FROM {RatioSql.From} {where} ORDER BY {inner} {page}) p
            ORDER BY {outer}
            """;
    }

    private (string Inner, string Outer) Order(RatioFilter filter)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        var collate = database.Dialect == SqlDialect.Postgres ? "COLLATE \"C\"" : "COLLATE BINARY";
        var (inner, outer) = filter.SortKey switch
        {
            "name" => ($"a.name {collate}", $"p.Name {collate}"),
            "shortfall" => ("e.shortfall", "p.Shortfall"),
            "inService" => ("e.recorders_in_service", "p.RecordersInService"),
            "officers" => ("a.officer_count", "p.OfficerCount"),
            _ => ("a.code", "p.Code"),
        };
        return filter.SortKey == "code" ? ($"{inner} {direction}", $"{outer} {direction}") : ($"{inner} {direction}, e.agency_code", $"{outer} {direction}, p.Code");
    }

    private (string Where, object Args) Where(IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, DateTimeOffset now)
    {
        List<string> where = [];
        if (agencyCodes is not null)
        {
            where.Add(agencyCodes.Count == 1 ? "a.code = @code" : database.AnyOf("a.code", "codes"));
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

        var escaped = filter.Search?.ToUpperInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return (where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where), new
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
