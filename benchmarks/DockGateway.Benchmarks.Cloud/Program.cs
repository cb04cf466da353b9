using DockGateway.Benchmarks.Cloud;

// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- ratios [--agencies N] [--recorders N]
// Each benchmark lives in its own file; add yours to this switch.
return args.FirstOrDefault() switch
{
    "ratios" => await RatioBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud ratios [--agencies N] [--recorders N] [--officers-per-agency N]");
    Console.Error.WriteLine("  ratios needs DOCKGW_BENCH_POSTGRES or DOCKGW_TEST_POSTGRES (an Npgsql connection string;");
    Console.Error.WriteLine("  scripts/postgres.sh start DIR prints one); it creates and drops its own database.");
    return 2;
}
