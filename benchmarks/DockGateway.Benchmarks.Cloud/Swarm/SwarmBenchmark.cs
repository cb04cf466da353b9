using System.Globalization;
using DockGateway.Testing.Swarm;

namespace DockGateway.Benchmarks.Cloud.Swarm;

/// <summary>
/// <c>swarm [--docks 10] [--files 3] [--size-mib 4] [--chunk-mib 1] [--instances 2]</c>: the dock swarm of
/// <see cref="SwarmRun"/> (real cloud processes on PostgreSQL behind haproxy, one SIGKILLed mid-run); prints docks,
/// files, bytes, throughput, commit→receipt p50/p95, each instance's CPU and the exactly-once checks. Needs
/// DOCKGW_TEST_POSTGRES (scripts/postgres.sh start DIR prints one), mosquitto and haproxy.
/// </summary>
public static class SwarmBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new SwarmOptions(
            Docks: Option(args, "--docks", 10),
            FilesPerDock: Option(args, "--files", 3),
            FileBytes: Option(args, "--size-mib", 4) << 20,
            ChunkBytes: Option(args, "--chunk-mib", 1) << 20,
            Instances: Option(args, "--instances", 2));
        var result = await SwarmRun.RunAsync(options, Console.WriteLine);
        Console.WriteLine(result.Report());
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return result.ExactlyOnce ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
