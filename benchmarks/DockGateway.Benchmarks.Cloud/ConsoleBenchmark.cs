using DockGateway.Cloud.Custody;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Paging;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Retrieval;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Timeliness;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Merkle;

namespace DockGateway.Benchmarks.Cloud;

/// <summary>
/// The console's other reads at scale (on the data of <see cref="ConsoleDataLoader"/>): the overview's open-alert counts and
/// 30-day timeliness, the officer, custody-dock and footage list pages, and what <c>GET /api/v1/custody/files/{sha256}</c>
/// does per dock (all its leaf hashes, a Merkle tree, one inclusion proof). Each with p50/p95 and CPU per query.
/// </summary>
public static class ConsoleBenchmark
{
    public static async Task<List<double>[]> RunAsync(PostgresCloudDatabase database, int agencies, int runs, int singleRuns, int bigDockEntries)
    {
        var results = new List<List<double>>();
        var random = new Random(17);
        string Agency() => RatioDataLoader.AgencyCode(random.Next(agencies));
        // judged: false for what no request pays but the first after a start (printed for comparison, not held to 200 ms).
        async Task Measure(string what, int n, Func<Task> work, bool judged = true)
        {
            var cpu = await CpuMeter.StartAsync(database);
            var times = await RatioBenchmark.MeasureAsync(n, 3, _ => work());
            RatioBenchmark.Report(what, times);
            Console.WriteLine(await cpu.ReportAsync(n + 3, "query"));
            if (judged)
            {
                results.Add(times);
            }
        }

        var alerts = new AlertQuery(database);
        await Measure("overview open alerts, all agencies", runs, async () => await alerts.OpenCountsAsync(null, CancellationToken.None));
        var timeliness = new TimelinessQuery(database, TimeProvider.System);
        await Measure("overview timeliness 30 days, all agencies", runs, async () => await timeliness.ReportAsync(null, null, 30, CancellationToken.None));
        await Measure("overview timeliness 30 days, one agency", singleRuns, async () =>
        {
            var code = Agency();
            await timeliness.ReportAsync([code], code, 30, CancellationToken.None);
        });

        var officers = new OfficerListQuery(database, TimeProvider.System);
        OfficerFilter Officers(string? sort = null) => OfficerFilter.Parse(null, null, sort, "50", null, new FieldErrors());
        await Measure("officer list, all agencies, first page of 50 by badge", runs, async () => await officers.PageAsync(null, Officers(), CancellationToken.None));
        await Measure("officer list, all agencies, first page by late recordings", runs, async () => await officers.PageAsync(null, Officers("-late"), CancellationToken.None));
        await Measure("officer list, one agency, first page", singleRuns, async () => await officers.PageAsync([Agency()], Officers(), CancellationToken.None));

        var docks = new CustodyDockQuery(database);
        await Measure("custody docks, all agencies, first page of 50", runs, async () => await docks.PageAsync(null, null, null, new OffsetPage(50, 0), CancellationToken.None));
        await Measure("custody docks, all agencies, status=behind", runs, async () => await docks.PageAsync(null, "behind", null, new OffsetPage(50, 0), CancellationToken.None));
        await Measure("custody docks, one agency", singleRuns, async () => await docks.PageAsync([Agency()], null, null, new OffsetPage(50, 0), CancellationToken.None));

        var footage = new FootageSearch(database);
        await Measure("footage search, all agencies, first page of 50", runs, async () =>
            await footage.PageAsync(new FootageFilter(null, null, null, null, null, null, null), null, 50, CancellationToken.None));
        await Measure("footage search, one agency, first page of 50", singleRuns, async () =>
            await footage.PageAsync(new FootageFilter([Agency()], null, null, null, null, null, null), null, 50, CancellationToken.None));

        var entries = new SqlCustodyEntryStore(database);
        async Task Proof(string dockId)
        {
            var leaves = await entries.LeafHashesAsync(dockId, CancellationToken.None);
            var tree = new MerkleTree(leaves);
            _ = tree.InclusionProof(leaves.Count / 2, tree.Size);
        }

        // What the endpoint's DockLeafCache does once per dock after a start (all leaves + the tree), then never again.
        await Measure($"custody file proof, dock of {bigDockEntries:N0} entries (all leaves + tree: the first proof after a start, not judged)",
            Math.Min(runs, 20), () => Proof(ConsoleDataLoader.DockId(0)), judged: false);
        await Measure("custody file proof, dock of 2 000 entries (all leaves + tree: the first proof after a start, not judged)", runs,
            () => Proof(ConsoleDataLoader.DockId(1)), judged: false);
        var cache = new DockLeafCache(database);
        async Task Cached(string dockId) => await cache.WithTreeAsync(dockId, tree => tree.InclusionProof(tree.Size / 2, tree.Size), CancellationToken.None);
        await Measure($"custody file proof, dock of {bigDockEntries:N0} entries, DockLeafCache (new entries only + proof)", runs, () => Cached(ConsoleDataLoader.DockId(0)));
        return [.. results];
    }
}
