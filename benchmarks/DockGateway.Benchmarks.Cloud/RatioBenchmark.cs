using System.Diagnostics;
using System.Globalization;
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
/// The equipment-ratio query on PostgreSQL at scale: 10 000 agencies, 500 000 recorders (and 50 officers
/// per agency) bulk-loaded with COPY into a fresh database migrated by the product's own migrations, then
/// p50/p95 of the all-agencies query (what <c>GET /api/v1/ratios</c> runs for an admin) and of the
/// single-agency query. Target: p95 ≤ 200 ms.
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

        var name = $"dockgw_bench_ratios_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
            await using var database = new PostgresCloudDatabase(connectionString);
            await new MigrationRunner(database, TimeProvider.System, NullLogger<MigrationRunner>.Instance)
                .ApplyAsync(MigrationCatalog.For(SqlDialect.Postgres), CancellationToken.None);

            var load = Stopwatch.StartNew();
            await RatioDataLoader.LoadAsync(connectionString, agencies, officersPerAgency, recorders, overduePercent);
            if (console)
            {
                await ConsoleDataLoader.LoadAsync(connectionString, agencies, officersPerAgency, recorders, footageRows, alertRows, custodyDocks, 2_000, bigDockEntries);
            }

            await EquipmentCounts.RebuildAsync(database, CancellationToken.None);
            await using (var analyze = new NpgsqlConnection(connectionString))
            {
                await analyze.OpenAsync();
                await using var command = new NpgsqlCommand("VACUUM ANALYZE agency_equipment", analyze);
                await command.ExecuteNonQueryAsync();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"loaded {agencies:N0} agencies, {agencies * officersPerAgency:N0} officers, {recorders:N0} recorders ({overduePercent} % overdue) with COPY + counter rebuild in {load.Elapsed.TotalSeconds:F1} s"));
            if (console)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  and {agencies:N0} docks, {footageRows:N0} footage rows, {alertRows:N0} alerts (90 % acknowledged), custody entries: 1 dock x {bigDockEntries:N0} + {custodyDocks - 1} docks x 2 000"));
            }

            var query = new RatioQuery(database, Options.Create(new CloudOptions()), TimeProvider.System);
            var cpu = await CpuMeter.StartAsync(database);
            var all = await MeasureAsync(allRuns, 3, async _ =>
            {
                var ratios = await query.ComputeAsync(null, CancellationToken.None);
                if (ratios.Count != agencies)
                {
                    throw new InvalidOperationException($"expected {agencies} ratios, got {ratios.Count}");
                }
            });
            Report($"all agencies ({agencies:N0} rows)", all);
            Console.WriteLine(await cpu.ReportAsync(allRuns + 3));

            var random = new Random(7);
            var single = await MeasureAsync(singleRuns, 20, async _ =>
            {
                var code = RatioDataLoader.AgencyCode(random.Next(agencies));
                var ratios = await query.ComputeAsync([code], CancellationToken.None);
                if (ratios.Count != 1)
                {
                    throw new InvalidOperationException($"expected the ratio of {code}");
                }
            });
            Report("single agency", single);
            Console.WriteLine($"  single agency p95 target <= 5 ms: {(Percentile(single, 0.95) <= 5 ? "met" : "NOT met")}");

            var overdue = await MeasureOverdueAsync(database, agencies, allRuns, singleRuns);
            var lists = await MeasureRecorderListAsync(database, agencies, allRuns, singleRuns);
            var pages = console ? await ConsoleBenchmark.RunAsync(database, agencies, Math.Min(allRuns, 30), Math.Min(singleRuns, 200), bigDockEntries) : [];

            await PrintPlanAsync(connectionString);
            var ok = Percentile(all, 0.95) <= 200 && Percentile(single, 0.95) <= 200 && overdue.Concat(lists).Concat(pages).All(t => Percentile(t, 0.95) <= 200);
            Console.WriteLine(ok ? "target p95 <= 200 ms: met" : "target p95 <= 200 ms: NOT met");
            Console.WriteLine($"uptime at end: {Uptime()}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
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
            $"{(what.StartsWith("all agencies", StringComparison.Ordinal) || what.StartsWith("single agency", StringComparison.Ordinal) ? "ratio query, " : string.Empty)}{what}: n={times.Count} p50={Percentile(times, 0.50):F1} ms p95={Percentile(times, 0.95):F1} ms max={times.Max():F1} ms"));

    internal static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task PrintPlanAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT agency_code, COUNT(*) FROM recorders WHERE status = 'in-service' AND COALESCE(last_docked_at, issued_at) < (EXTRACT(EPOCH FROM now()) * 1000 - 86400000)::bigint GROUP BY agency_code", connection);
        await PrintAsync(command, "plan of the overdue aggregation:");
        await using var full = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT a.code, e.recorders_in_service, o.n FROM agencies a LEFT JOIN agency_equipment e ON e.agency_code = a.code "
            + "LEFT JOIN (SELECT agency_code, COUNT(*) AS n FROM recorders WHERE status = 'in-service' AND COALESCE(last_docked_at, issued_at) < (EXTRACT(EPOCH FROM now()) * 1000 - 86400000)::bigint GROUP BY agency_code) o "
            + "ON o.agency_code = a.code ORDER BY a.code", connection);
        await PrintAsync(full, "plan of the whole ratio query (server side only):");
    }

    private static async Task PrintAsync(NpgsqlCommand command, string title)
    {
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine(title);
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
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

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
