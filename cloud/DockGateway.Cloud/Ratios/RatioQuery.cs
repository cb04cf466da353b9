using System.Data.Common;
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
/// index range over its in-service recorders: never an aggregate over every recorder of the country. Each row is read
/// by Dapper into the registry's <see cref="Agency"/> (its columns) and <see cref="RatioCounts"/> (the counters after them).
/// </summary>
public sealed class RatioQuery(ICloudDatabase database, IOptions<CloudOptions> options, TimeProvider time)
{
    /// <summary>One agency's ratio, or null when there is no such agency.</summary>
    public async Task<EquipmentRatio?> OneAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await QueryAsync(connection, new CommandDefinition(
            $"SELECT {RatioSql.Columns}, {RatioSql.OverdueOf("a.code")} AS RecordersOverdue FROM {RatioSql.From} WHERE a.code = @code",
            new { code, cutoff = Cutoff(now) }, cancellationToken: cancellationToken), now)).SingleOrDefault();
    }

    /// <summary>A page of the agencies in <paramref name="agencyCodes"/> (null = all) that match <paramref name="filter"/>.</summary>
    public async Task<RatioPage> PageAsync(IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (from, where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {from} {where}", args, cancellationToken: cancellationToken));
        var ratios = total <= filter.Page.Offset ? [] : (await QueryAsync(connection, new CommandDefinition(
            Select(from, where, filter, $"LIMIT {filter.Page.Limit} OFFSET {filter.Page.Offset}"), args, cancellationToken: cancellationToken), now)).ToList();
        return new RatioPage(ratios, total, filter.Page.Next(ratios.Count, total), now);
    }

    /// <summary>Every matching agency in the filter's order, streamed row by row (the CSV export).</summary>
    public async IAsyncEnumerable<EquipmentRatio> AllAsync(
        IReadOnlyCollection<string>? agencyCodes, RatioFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (from, where, args) = Where(agencyCodes, filter, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await foreach (var ratio in StreamAsync(connection, new CommandDefinition(Select(from, where, filter, string.Empty), args, cancellationToken: cancellationToken), now, cancellationToken))
        {
            yield return ratio;
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

    /// <summary>
    /// The rows of <paramref name="command"/> (<see cref="RatioSql.Columns"/>, then <c>RecordersOverdue</c>) as ratios, each
    /// read by Dapper's multi-mapping into an <see cref="Agency"/> and the <see cref="RatioCounts"/> from <c>RegisteredOfficers</c> on
    /// (its mapper cached per statement, as for any Dapper query).
    /// </summary>
    private Task<IEnumerable<EquipmentRatio>> QueryAsync(DbConnection connection, CommandDefinition command, DateTimeOffset now) =>
        connection.QueryAsync<Agency, RatioCounts, EquipmentRatio>(
            command, (agency, counts) => EquipmentRatio.From(agency, counts, Share, now), splitOn: nameof(RatioCounts.RegisteredOfficers));

    /// <summary>
    /// The rows of <paramref name="command"/> streamed as ratios (Dapper maps unbuffered rows to one type only):
    /// Dapper's row parsers fill an <see cref="Agency"/> from the columns before <c>RegisteredOfficers</c> and the
    /// <see cref="RatioCounts"/> from there on.
    /// </summary>
    private async IAsyncEnumerable<EquipmentRatio> StreamAsync(
        DbConnection connection, CommandDefinition command, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var counts = reader.GetOrdinal(nameof(RatioCounts.RegisteredOfficers));
        var agency = reader.GetRowParser<Agency>(typeof(Agency), 0, counts);
        var ratioCounts = reader.GetRowParser<RatioCounts>(typeof(RatioCounts), counts);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EquipmentRatio.From(agency(reader), ratioCounts(reader), Share, now);
        }
    }
}
