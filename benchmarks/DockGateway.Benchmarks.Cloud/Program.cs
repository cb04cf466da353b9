using DockGateway.Benchmarks.Cloud.Uploads;

// dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Cloud -- uploads [--files 20] [--size-mib 256] [--chunk-mib 8]
return args.FirstOrDefault() switch
{
    "uploads" => await UploadBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: DockGateway.Benchmarks.Cloud uploads [--files N] [--size-mib N] [--chunk-mib N]");
    return 2;
}
