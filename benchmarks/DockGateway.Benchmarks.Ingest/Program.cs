using System.Globalization;
using DockGateway.Benchmarks.Ingest;
using DockGateway.Testing.Processes;

// Ingest benchmark at real footage sizes: the real dock (simulation mode, insertion -> slot done) against
// `cp && sync` and serial `cp && sync && openssl dgst -sha256` on the same files, in the same run, rounds alternating,
// and the disk's floor for a copy verified from the disk (O_DIRECT writes with as many O_DIRECT reads alongside).
// Usage: dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Ingest -- [--rounds 3] [--cases 1x1g,1x4g,4x1g,4x256m-one,4x256m-four]
var rounds = 3;
var wanted = IngestCase.Names.ToList();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--cases": wanted = [.. args[i + 1].Split(',')]; break;
        default: throw new ArgumentException($"unknown option {args[i]}; use --rounds N, --cases {string.Join(',', IngestCase.Names)}");
    }
}

var work = Directory.CreateTempSubdirectory("dockgw-bench-").FullName;
Console.WriteLine($"Ingest benchmark: cases {string.Join(',', wanted)}, {rounds} rounds, work dir {work}, dock {BuiltProducts.Device}, {Environment.ProcessorCount} CPUs");
Console.WriteLine(Shell.Output($"df -h '{work}' | tail -1"));
try
{
    var sources = new SourceFiles(Path.Combine(work, "src"));
    var cases = wanted.Select(name => IngestCase.Create(name, sources)).ToList();
    var results = new List<IngestResult>();
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var c in cases)
        {
            var cp = c.RunCp(work);
            var serial = c.RunSerial(work);
            var floor = c.RunDiskFloor(work);
            var dock = c.RunDock(work);
            results.Add(new(c, cp, serial, floor, dock));
            Console.WriteLine($"round {round} {c.Name,-12} {c.Bytes / 1e6,6:F0} MB | dock {c.Rate(dock),6:F0} MB/s | cp+sync {c.Rate(cp),6:F0} MB/s | serial {c.Rate(serial),6:F0} MB/s | "
                + $"disk floor {c.Rate(floor),6:F0} MB/s | {c.Rate(dock) / c.Rate(cp):F2}x cp, {c.Rate(dock) / c.Rate(serial):F2}x serial, {c.Rate(dock) / c.Rate(floor):F2}x floor | dock CPU {dock.CpuSeconds / c.GiB:F2} s/GiB "
                + $"(user {dock.UserSeconds / c.GiB:F2}, sys {dock.SystemSeconds / c.GiB:F2}) | peak RSS {dock.PeakRss / 1e6:F1} MB | load {dock.Load}");
            Console.WriteLine($"  dock CPU by stage: {dock.Stages.PerGiB(c.GiB, dock.CpuSeconds)}");
            Console.WriteLine($"  dock CPU by thread (s/GiB): {dock.Threads}");
        }
    }

    Summary.Print(results);
}
finally
{
    Directory.Delete(work, recursive: true);
}
