using System.Diagnostics;
using System.Security.Cryptography;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>
/// One benchmark case: which files go into which slot. The baselines do the same work with the shell:
/// one slot is one <c>cp && sync</c>; several slots are as many of them in parallel; the serial baseline
/// is <c>cp && sync && openssl dgst -sha256</c> over all the files, one after the other.
/// </summary>
internal sealed class IngestCase
{
    public static readonly string[] Names = ["1x1g", "1x4g", "4x1g", "4x256m-one", "4x256m-four"];

    private readonly Dictionary<int, List<string>> _slots;

    private IngestCase(string name, Dictionary<int, List<string>> slots)
    {
        Name = name;
        _slots = slots;
        Bytes = slots.Values.SelectMany(f => f).Sum(f => new FileInfo(f).Length);
    }

    public string Name { get; }

    public long Bytes { get; }

    public double GiB => Bytes / (double)(1L << 30);

    public double Rate(Measurement m) => Bytes / 1e6 / m.Elapsed.TotalSeconds;

    public static IngestCase Create(string name, SourceFiles sources) => name switch
    {
        "1x1g" => new(name, new() { [1] = [sources.Make(1024)] }),
        "1x4g" => new(name, new() { [1] = [sources.Make(4096)] }),
        "4x1g" => new(name, Enumerable.Range(1, 4).ToDictionary(s => s, _ => new List<string> { sources.Make(1024) })),
        "4x256m-one" => new(name, new() { [1] = [.. Enumerable.Range(1, 4).Select(_ => sources.Make(256))] }),
        "4x256m-four" => new(name, Enumerable.Range(1, 4).ToDictionary(s => s, _ => new List<string> { sources.Make(256) })),
        _ => throw new ArgumentException($"unknown case '{name}'; cases: {string.Join(',', Names)}"),
    };

    public Measurement RunCp(string work)
    {
        var target = Path.Combine(work, "cp");
        var script = string.Join(" & ", _slots.Select(s => $"(mkdir -p {Q(target)}/{s.Key} && cp {Files(s.Value)} {Q(target)}/{s.Key}/ && sync {Q(target)}/{s.Key}/*)")) + "; wait";
        return Timed(script, target);
    }

    /// <summary>
    /// The disk's floor for an ingest that verifies from the disk: per slot, the files written with
    /// <c>O_DIRECT</c> while as many bytes are read back with <c>O_DIRECT</c> alongside (512 KiB requests, as the
    /// dock's), no hashing. Both the copy's writes and its read-back must pass through the one disk.
    /// </summary>
    public Measurement RunDiskFloor(string work)
    {
        var target = Path.Combine(work, "floor");
        var script = string.Join(" & ", _slots.Select(s =>
            $"(mkdir -p {Q(target)}/{s.Key} && {string.Join(" && ", s.Value.Select(f => $"dd if={Q(f)} of={Q(target)}/{s.Key}/{Path.GetFileName(f)} bs=512K oflag=direct status=none"))}) & "
            + $"({string.Join(" && ", s.Value.Select(f => $"dd if={Q(f)} of=/dev/null bs=512K iflag=direct status=none"))})")) + "; wait";
        return Timed(script, target);
    }

    public Measurement RunSerial(string work)
    {
        var target = Path.Combine(work, "serial");
        var all = _slots.Values.SelectMany(f => f).ToList();
        return Timed($"mkdir -p {Q(target)} && cp {Files(all)} {Q(target)}/ && sync {Q(target)}/* && openssl dgst -sha256 {Q(target)}/* >/dev/null", target);
    }

    public Measurement RunDock(string work)
    {
        var root = Path.Combine(work, "dock-" + Name);
        try
        {
            using var dock = new SimulatedDock(root);
            var warmup = Path.Combine(root, "REC_20261121_000000_0000.MP4");
            File.WriteAllBytes(warmup, RandomNumberGenerator.GetBytes(64 << 20));
            // JIT, database, key: outside the timing. 64 MiB, so the per-chunk methods are called often enough
            // (30 calls) to be recompiled at tier 1 now, not in the timed run (with 1 MiB the JIT thread took
            // 0.22-0.27 CPU-s per GiB of a timed 1 GiB run: a once-per-process cost charged to every GiB).
            dock.Insert(9, "WARMUP", [warmup]);
            dock.WaitDone(new Dictionary<int, string> { [9] = "WARMUP" }, TimeSpan.FromMinutes(5));
            Thread.Sleep(TimeSpan.FromSeconds(1)); // the tier-1 recompilations queued by the warm-up
            Shell.Run("sync");
            var (user, system) = dock.CpuTimes();
            var stages = CpuStages.Read(dock.StagesFile);
            var threads = dock.ThreadTimes();
            var serials = _slots.ToDictionary(s => s.Key, s => $"BENCH-{Name}-{s.Key}");
            var watch = Stopwatch.StartNew();
            foreach (var (slot, files) in _slots)
            {
                dock.Insert(slot, serials[slot], files);
            }

            dock.WaitDone(serials, TimeSpan.FromMinutes(30));
            var elapsed = watch.Elapsed;
            var (user2, system2) = dock.CpuTimes();
            return new(elapsed, user2 - user, system2 - system, dock.PeakRss(), Measurement.CurrentLoad())
            {
                Stages = CpuStages.Read(dock.StagesFile).Minus(stages),
                Threads = ThreadCpu.PerGiB(threads, dock.ThreadTimes(), GiB),
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Measurement Timed(string script, string target)
    {
        Shell.Run("sync");
        try
        {
            return Measurement.Wall(Shell.Time(script));
        }
        finally
        {
            Shell.Run($"rm -rf {Q(target)}");
        }
    }

    private static string Files(IEnumerable<string> files) => string.Join(' ', files.Select(Q));

    private static string Q(string path) => "'" + path + "'";
}
