using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DockGateway.Benchmarks.Ingest;
using DockGateway.Testing.Processes;

// Ingest benchmark: the real dock (simulation mode) against cp+sync and serial cp+sync+sha256.
// Usage: dotnet run -c Release --project benchmarks/DockGateway.Benchmarks.Ingest [-- <MiB per file, default 256>]
var mib = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 256;
const int Files = 4;
var bytes = (long)mib * 1024 * 1024 * Files;
var work = Directory.CreateTempSubdirectory("dockgw-bench-").FullName;
Console.WriteLine($"Ingest benchmark: {Files} x {mib} MiB random files, work dir {work}, dock {BuiltProducts.Device}");
try
{
    var sources = Path.Combine(work, "src");
    Directory.CreateDirectory(sources);
    var files = Enumerable.Range(1, Files).Select(i => Path.Combine(sources, $"REC_20261121_0{i}0000_000{i}.MP4")).ToList();
    var buffer = new byte[1 << 20];
    foreach (var file in files)
    {
        using var output = File.Create(file);
        for (var written = 0L; written < (long)mib << 20; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            output.Write(buffer);
        }
    }

    var warmup = Path.Combine(work, "REC_20261121_000000_0000.MP4");
    File.WriteAllBytes(warmup, RandomNumberGenerator.GetBytes(1 << 20));
    Shell.Run("sync");
    var q = (string p) => "'" + p + "'";
    var srcList = string.Join(' ', files.Select(q));

    var cp = Shell.Time($"mkdir -p {q(work)}/cp && cp {srcList} {q(work)}/cp/ && sync {q(work)}/cp/*");
    Shell.Run($"rm -rf {q(work)}/cp");
    var serial = Shell.Time($"mkdir -p {q(work)}/cpsha && cp {srcList} {q(work)}/cpsha/ && sync {q(work)}/cpsha/* && openssl dgst -sha256 {q(work)}/cpsha/* >/dev/null");
    Shell.Run($"rm -rf {q(work)}/cpsha");

    var internalTimes = new Dictionary<string, TimeSpan?>();
    var cpuTimes = new Dictionary<string, TimeSpan>();
    TimeSpan RunDock(string name, Func<IReadOnlyList<string>, Dictionary<int, List<string>>> layout, out long peakRss)
    {
        using var dock = new SimulatedDock(Path.Combine(work, name));
        dock.Insert(9, $"WARMUP-{name}", [warmup]); // warms the dock up (JIT, database, key) outside the timing
        dock.WaitDone(new Dictionary<int, string> { [9] = $"WARMUP-{name}" }, TimeSpan.FromMinutes(5));
        Shell.Run("sync");
        var cpuBefore = dock.CpuTime();
        var slots = layout(files);
        var serials = slots.ToDictionary(s => s.Key, s => $"BENCH-{name}-{s.Key}");
        var watch = Stopwatch.StartNew();
        foreach (var (slot, slotFiles) in slots)
        {
            dock.Insert(slot, serials[slot], slotFiles);
        }

        dock.WaitDone(serials, TimeSpan.FromMinutes(10));
        var elapsed = watch.Elapsed;
        peakRss = dock.PeakRss();
        cpuTimes[name] = dock.CpuTime() - cpuBefore;
        internalTimes[name] = CustodyTiming.Span(Path.Combine(work, name, "data"), $"BENCH-{name}-");
        return elapsed;
    }

    var oneSlot = RunDock("one-slot", f => new Dictionary<int, List<string>> { [1] = [.. f] }, out var rssOne);
    Shell.Run($"rm -rf {q(work)}/one-slot");
    var fourSlots = RunDock("four-slots", f => f.Select((file, i) => (file, i)).ToDictionary(x => x.i + 1, x => new List<string> { x.file }), out var rssFour);

    double Rate(TimeSpan t) => bytes / 1e6 / t.TotalSeconds;
    void Row(string what, TimeSpan t, string extra = "") =>
        Console.WriteLine($"  {what,-42} {t.TotalSeconds,7:F2} s {Rate(t),9:F1} MB/s {extra}");
    Console.WriteLine($"Results ({bytes / 1e6:F0} MB per run):");
    Row("cp && sync (baseline)", cp);
    Row("cp && sync && openssl dgst -sha256 (serial)", serial);
    Row("dock, one slot (4 files)", oneSlot, $"  {Rate(oneSlot) / Rate(serial):F2}x serial, {Rate(oneSlot) / Rate(cp):F2}x cp+sync, peak RSS {rssOne / 1e6:F1} MB");
    Row("dock, four slots (1 file each)", fourSlots, $"  {Rate(fourSlots) / Rate(serial):F2}x serial, {Rate(fourSlots) / Rate(cp):F2}x cp+sync, peak RSS {rssFour / 1e6:F1} MB");
    foreach (var (name, span) in internalTimes)
    {
        Console.WriteLine($"  {name}: first to last custody entry {span?.TotalSeconds:F2} s ({(span is { } t ? Rate(t) : 0):F1} MB/s without slot detection), dock CPU time {cpuTimes[name].TotalSeconds:F2} s");
    }

    Console.WriteLine($"Machine load (1/5/15 min): {File.ReadAllText("/proc/loadavg").Trim()}, {Environment.ProcessorCount} CPUs");
    Console.WriteLine($"Targets (one slot): >= 1.2x serial: {(Rate(oneSlot) / Rate(serial) >= 1.2 ? "met" : "NOT met")}; "
        + $">= 0.7x cp+sync: {(Rate(oneSlot) / Rate(cp) >= 0.7 ? "met" : "NOT met")}; peak RSS <= 80 MB: {(Math.Max(rssOne, rssFour) <= 80e6 ? "met" : "NOT met")}");
}
finally
{
    Directory.Delete(work, recursive: true);
}
