using DockGateway.Benchmarks.Cloud;
using DockGateway.Benchmarks.Cloud.Latency;
using DockGateway.Benchmarks.Cloud.Memory;
using DockGateway.Benchmarks.Cloud.Swarm;
using DockGateway.Benchmarks.Cloud.Uploads;

// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- ratios [--agencies N] [--recorders N]
// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- uploads [--files 20] [--size-mib 256] [--chunk-mib 8] [--warmup-chunks 32]
// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- latency [--rounds 5] [--sim-poll-ms N]
// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- memory [--outage 10m] [--files 1200] [--slots 4]
// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- swarm [--docks 10] [--files 3] [--size-mib 4] [--chunk-mib 1] [--instances 2]
// Each benchmark lives in its own file; add yours to this switch.
return args.FirstOrDefault() switch
{
    "ratios" => await RatioBenchmark.RunAsync(args[1..]),
    "uploads" => await UploadBenchmark.RunAsync(args[1..]),
    "latency" => await LatencyBenchmark.RunAsync(args[1..]),
    "memory" => await MemoryBenchmark.RunAsync(args[1..]),
    "swarm" => await SwarmBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud ratios [--agencies N] [--recorders N] [--officers-per-agency N]");
    Console.Error.WriteLine("  ratios needs DOCKGW_BENCH_POSTGRES or DOCKGW_TEST_POSTGRES (an Npgsql connection string;");
    Console.Error.WriteLine("  scripts/postgres.sh start DIR prints one); it creates and drops its own database.");
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud uploads [--files N] [--size-mib N] [--chunk-mib N] [--warmup-chunks N]");
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud latency [--rounds N] [--sim-poll-ms N]");
    Console.Error.WriteLine("  latency runs the built cloud and dock (Release) as child processes; --sim-poll-ms is a labelled variant.");
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud memory [--outage 10m|60s] [--outages broker,cloud] [--files 1200] [--slots 4] [--settle 30s] [--env NAME=VALUE]... [--set Section:Key=VALUE]...");
    Console.Error.WriteLine("  memory runs the built cloud, dock (Release) and mosquitto; --env and --set make a labelled variant of the dock.");
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud swarm [--docks N] [--files N] [--size-mib N] [--chunk-mib N] [--instances N]");
    Console.Error.WriteLine("  swarm runs the built cloud (Release) as N instances on PostgreSQL (DOCKGW_TEST_POSTGRES) behind haproxy, with mosquitto.");
    return 2;
}
