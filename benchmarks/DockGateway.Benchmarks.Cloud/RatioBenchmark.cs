using System.Diagnostics;
using System.Globalization;
using Dapper;
using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DockGateway.Benchmarks.Cloud;

/// <summary>
/// The equipment-ratio queries on PostgreSQL at scale: 10 000 agencies, 500 000 recorders (and 50 officers
/// per agency) bulk-loaded with COPY into a fresh database migrated by the product's own migrations, then
/// p50/p95 of the all-agency summary, pages of the all-agency list, its CSV export and the single-agency
/// query. Targets: all agencies p95 ≤ 200 ms, one agency p95 ≤ 5 ms.
/// </summary>
public static class RatioBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var agencies = Option(args, "--agencies", 10_000);
        var recorders = Option(args, "--recorders", 500_000);
        var officersPerAgency = Option(args, "--officers-per-agency", 50);
        var overduePercent = Option(args, "--overdue-percent", 10);
        var allRuns = Option(args, "--runs", 60);
        var singleRuns = Option(args, "--single-runs", 1_000);
        var console = Option(args, "--console", 1) != 0;
        var footageRows = Option(args, "--footage", 2_000_000);
        var alertRows = Option(args, "--alerts", 200_000);
        var custodyDocks = Option(args, "--custody-docks", 50);
        var bigDockEntries = Option(args, "--big-dock-entries", 200_000);
        Console.WriteLine($"uptime at start: {Uptime()}");
        var server = Environment.GetEnvironmentVariable("DOCKGW_BENCH_POSTGRES") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("DOCKGW_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("ratios: set DOCKGW_BENCH_POSTGRES (or DOCKGW_TEST_POSTGRES) to an Npgsql connection string.");
            return 2;
        }

        // --database NAME keeps the loaded database for later runs (load once, measure many times; drop it by hand).
        var kept = OptionText(args, "--database");
        var name = kept ?? $"dockgw_bench_ratios_{Guid.NewGuid():N}"[..40];
        var reuse = kept is not null && await ExistsAsync(server, name);
        if (!reuse)
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
            await using var database = new PostgresCloudDatabase(connectionString);
            await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
                .ApplyAsync(MigrationCatalog.For(SqlDialect.Postgres), CancellationToken.None);

            var load = Stopwatch.StartNew();
            if (reuse)
            {
                Console.WriteLine($"reusing the loaded database {name} (--database)");
            }
            else
            {
                await RatioDataLoader.LoadAsync(connectionString, agencies, officersPerAgency, recorders, overduePercent);
                if (console)
                {
                    await ConsoleDataLoader.LoadAsync(connectionString, agencies, officersPerAgency, recorders, footageRows, alertRows, custodyDocks, 2_000, bigDockEntries);
                }

                await EquipmentCounts.RebuildAsync(database, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"loaded {agencies:N0} agencies, {agencies * officersPerAgency:N0} officers, {recorders:N0} recorders ({overduePercent} % overdue) with COPY + counter rebuild in {load.Elapsed.TotalSeconds:F1} s"));
            }

            await ExecuteAsync(connectionString, "VACUUM ANALYZE agency_equipment");
            if (console && !reuse)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  and {agencies:N0} docks, {footageRows:N0} footage rows, {alertRows:N0} alerts (90 % acknowledged), custody entries: 1 dock x {bigDockEntries:N0} + {custodyDocks - 1} docks x 2 000"));
            }

            var (all, single) = await MeasureRatiosAsync(database, agencies, allRuns, singleRuns);
            // --lists 0 skips the overdue and recorder lists (to measure the ratios alone).
            var withLists = Option(args, "--lists", 1) != 0;
            var overdue = withLists ? await MeasureOverdueAsync(database, agencies, allRuns, singleRuns) : [];
            var lists = withLists ? await MeasureRecorderListAsync(database, agencies, allRuns, singleRuns) : [];
            var pages = console ? await ConsoleBenchmark.RunAsync(database, agencies, Math.Min(allRuns, 30), Math.Min(singleRuns, 200), bigDockEntries) : [];

            await PrintPlanAsync(database, agencies);
            var ok = all.All(t => Percentile(t, 0.95) <= 200) && Percentile(single, 0.95) <= 200 && overdue.Concat(lists).Concat(pages).All(t => Percentile(t, 0.95) <= 200);
            Console.WriteLine(ok ? "target p95 <= 200 ms: met" : "target p95 <= 200 ms: NOT met");
            Console.WriteLine($"uptime at end: {Uptime()}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (kept is null)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// What <c>GET /api/v1/ratios/summary</c>, <c>GET /api/v1/ratios</c> (first page and a deep page, by shortfall), its CSV export and
    /// <c>GET /api/v1/agencies/{code}/ratio</c> run for an admin, with CPU per query (client and PostgreSQL backend).
    /// </summary>
    private static async Task<(List<double>[] All, List<double> Single)> MeasureRatiosAsync(PostgresCloudDatabase database, int agencies, int allRuns, int singleRuns)
    {
        var options = Options.Create(new CloudOptions());
        var query = new RatioQuery(database, options, TimeProvider.System);
        var summaries = new RatioSummaryQuery(database, options, TimeProvider.System);
        RatioFilter Filter(string? sort, string? after) => RatioFilter.Parse(null, null, null, sort, "100", after, new FieldErrors());

        var cpu = await CpuMeter.StartAsync(database);
        var summary = await MeasureAsync(allRuns, 3, async _ =>
        {
            var s = await summaries.SummaryAsync(null, CancellationToken.None);
            if (s.Agencies != agencies || s.CompliantAgencies + s.ShortAgencies != agencies)
            {
                throw new InvalidOperationException($"summary counts {s.Agencies} agencies ({s.CompliantAgencies} compliant, {s.ShortAgencies} short), expected {agencies}");
            }
        });
        Report($"all agencies: summary ({agencies:N0} agencies)", summary);
        Console.WriteLine(await cpu.ReportAsync(allRuns + 3, "summary"));

        async Task<List<double>> PageAsync(string what, string? sort, string? after)
        {
            var meter = await CpuMeter.StartAsync(database);
            var times = await MeasureAsync(allRuns, 3, async _ =>
            {
                var page = await query.PageAsync(null, Filter(sort, after), CancellationToken.None);
                if (page.Items.Count != 100 || page.Total != agencies)
                {
                    throw new InvalidOperationException($"{what}: {page.Items.Count} rows of {page.Total}");
                }
            });
            Report($"all agencies: {what}", times);
            Console.WriteLine(await meter.ReportAsync(allRuns + 3, "page"));
            return times;
        }

        var first = await PageAsync("first page of 100 by shortfall (most first)", "-shortfall", null);
        var byCode = await PageAsync("first page of 100 by code", null, null);
        var deep = await PageAsync($"page {agencies / 200 + 1} of 100 by shortfall (after={agencies / 2})", "-shortfall", (agencies / 2).ToString(CultureInfo.InvariantCulture));

        var csvCpu = await CpuMeter.StartAsync(database);
        var csv = await MeasureAsync(3, 1, async _ =>
        {
            var rows = 0;
            await RatioCsv.Table.WriteAsync(Stream.Null, Count(query.AllAsync(null, Filter("-shortfall", null), CancellationToken.None), () => rows++), CancellationToken.None);
            if (rows != agencies)
            {
                throw new InvalidOperationException($"the CSV export wrote {rows} agencies, expected {agencies}");
            }
        });
        Report($"all agencies: CSV export streamed ({agencies:N0} rows)", csv);
        Console.WriteLine(await csvCpu.ReportAsync(4, "CSV export"));

        var random = new Random(7);
        var singleCpu = await CpuMeter.StartAsync(database);
        var single = await MeasureAsync(singleRuns, 20, async _ =>
        {
            var code = RatioDataLoader.AgencyCode(random.Next(agencies));
            if (await query.OneAsync(code, CancellationToken.None) is null)
            {
                throw new InvalidOperationException($"expected the ratio of {code}");
            }
        });
        Report("single agency", single);
        Console.WriteLine(await singleCpu.ReportAsync(singleRuns + 20, "one-agency query"));
        Console.WriteLine($"  single agency p95 target <= 5 ms: {(Percentile(single, 0.95) <= 5 ? "met" : "NOT met")}");
        return (new[] { summary, first, byCode, deep }, single);
    }

    private static async IAsyncEnumerable<EquipmentRatio> Count(IAsyncEnumerable<EquipmentRatio> ratios, Action counted)
    {
        await foreach (var ratio in ratios)
        {
            counted();
            yield return ratio;
        }
    }

    /// <summary>The overdue list (<c>GET /api/v1/recorders/overdue</c>): all agencies' first page, a page 50 pages deep, one agency's first page.</summary>
    private static async Task<List<double>[]> MeasureOverdueAsync(PostgresCloudDatabase database, int agencies, int allRuns, int singleRuns)
    {
        var query = new OverdueQuery(database, Options.Create(new CloudOptions()), TimeProvider.System);
        var first = await MeasureAsync(allRuns, 3, async _ => Expect(await query.PageAsync(null, null, 100, CancellationToken.None), 100));
        Report("overdue list, all agencies, first page of 100", first);

        KeysetCursor? cursor = null;
        for (var page = 0; page < 50; page++)
        {
            var next = (await query.PageAsync(null, cursor, 100, CancellationToken.None)).Next;
            cursor = next is not null && KeysetCursor.TryParse(next, out var parsed) ? parsed : throw new InvalidOperationException("fewer than 50 pages of overdue recorders");
        }

        var deep = await MeasureAsync(allRuns, 3, async _ => Expect(await query.PageAsync(null, cursor, 100, CancellationToken.None), 100));
        Report("overdue list, all agencies, page 51 of 100", deep);

        var random = new Random(11);
        var one = await MeasureAsync(singleRuns, 20, async _ =>
            await query.PageAsync([RatioDataLoader.AgencyCode(random.Next(agencies))], null, 100, CancellationToken.None));
        Report("overdue list, one agency, first page", one);
        return [first, deep, one];
    }

    /// <summary>The console's recorder list (<c>GET /api/v1/recorders</c>, offset pages with a total): first page, page 100, a serial search, one agency.</summary>
    private static async Task<List<double>[]> MeasureRecorderListAsync(PostgresCloudDatabase database, int agencies, int allRuns, int singleRuns)
    {
        var query = new RecorderQuery(database, Options.Create(new CloudOptions()), TimeProvider.System);
        RecorderFilter Filter(string? q = null, string? sort = null, string? after = null) =>
            RecorderFilter.Parse(null, null, q, sort, "50", after, new FieldErrors());
        var first = await MeasureAsync(allRuns, 3, async _ => await query.PageAsync(null, Filter(), CancellationToken.None));
        Report("recorder list, all agencies, first page of 50 by serial", first);
        var deep = await MeasureAsync(allRuns, 3, async _ => await query.PageAsync(null, Filter(sort: "-lastDocked", after: "4950"), CancellationToken.None));
        Report("recorder list, all agencies, page 100 by last docked", deep);
        var search = await MeasureAsync(allRuns, 3, async _ => await query.PageAsync(null, Filter(q: "0042"), CancellationToken.None));
        Report("recorder list, all agencies, serial search", search);
        var random = new Random(13);
        var one = await MeasureAsync(singleRuns, 20, async _ =>
            await query.PageAsync([RatioDataLoader.AgencyCode(random.Next(agencies))], Filter(sort: "officer"), CancellationToken.None));
        Report("recorder list, one agency, first page by officer", one);
        return [first, deep, search, one];
    }

    private static void Expect(OverduePage page, int count)
    {
        if (page.Items.Count != count)
        {
            throw new InvalidOperationException($"expected {count} overdue recorders on the page, got {page.Items.Count}");
        }
    }

    internal static async Task<List<double>> MeasureAsync(int runs, int warmup, Func<int, Task> work)
    {
        for (var i = 0; i < warmup; i++)
        {
            await work(i);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    internal static void Report(string what, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(what.StartsWith("all agencies", StringComparison.Ordinal) || what.StartsWith("single agency", StringComparison.Ordinal) ? "ratios, " : string.Empty)}{what}: n={times.Count} p50={Percentile(times, 0.50):F1} ms p95={Percentile(times, 0.95):F1} ms max={times.Max():F1} ms"));

    internal static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>EXPLAIN ANALYZE of the statements the product runs (its own SQL text and arguments).</summary>
    private static async Task PrintPlanAsync(PostgresCloudDatabase database, int agencies)
    {
        var cutoff = DateTimeOffset.UtcNow.AddHours(-24).ToUnixTimeMilliseconds();
        var code = RatioDataLoader.AgencyCode(agencies / 3);
        var query = new RatioQuery(database, Options.Create(new CloudOptions()), TimeProvider.System);
        var first = query.PageCommands(null, RatioFilter.Parse(null, null, null, "-shortfall", "100", null, new FieldErrors()));
        var deep = query.PageCommands(null, RatioFilter.Parse(null, null, null, "-shortfall", "100", (agencies / 2).ToString(CultureInfo.InvariantCulture), new FieldErrors()));
        (string Title, string Sql, object Args)[] plans =
        [
            ("plan of one agency's ratio:", $"SELECT {RatioSql.Columns}, {RatioSql.OverdueOf("a.code")} AS RecordersOverdue FROM {RatioSql.From} WHERE a.code = @code", new { code, cutoff }),
            ("plan of the summary (agencies):", "SELECT COUNT(*), SUM(e.shortfall), SUM(e.required_recorders), SUM(e.recorders_in_service) FROM agency_equipment e", new { }),
            ("plan of the summary (overdue):", "SELECT COUNT(*) FROM recorders r WHERE r.status = 'in-service' AND COALESCE(r.last_docked_at, r.issued_at) < @cutoff", new { cutoff }),
            ("plan of a page's count:", first.Count, first.Args),
            ("plan of the first page by shortfall:", first.Page, first.Args),
            ($"plan of a deep page by shortfall (after={agencies / 2}):", deep.Page, deep.Args),
        ];
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        foreach (var (title, sql, args) in plans)
        {
            Console.WriteLine(title);
            foreach (var line in await connection.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, args))
            {
                Console.WriteLine("  " + line);
            }
        }
    }

    private static string Uptime() => File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(string connectionString, string database)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync() ?? 0L) > 0;
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
