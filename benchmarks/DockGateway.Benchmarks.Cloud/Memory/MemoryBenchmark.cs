using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Memory;

/// <summary>
/// <c>memory [--outage 10m] [--outages broker,cloud] [--files 1200] [--slots 4] [--settle 30s] [--env NAME=VALUE]… [--set Section:Key=VALUE]…</c>:
/// the real dock process with MQTT and sync on, its RSS sampled every 250 ms: at rest, through an ingest
/// of <c>--files</c> files with the broker down for the whole outage window, then with the cloud down,
/// and after both have recovered and every event and upload went out.
/// </summary>
public static class MemoryBenchmark
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_catchUpTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var outage = Duration(Option(args, "--outage") ?? "10m");
        var settle = Duration(Option(args, "--settle") ?? "30s");
        var files = int.Parse(Option(args, "--files") ?? "1200", CultureInfo.InvariantCulture);
        var slots = int.Parse(Option(args, "--slots") ?? "4", CultureInfo.InvariantCulture);
        var outages = (Option(args, "--outages") ?? "broker,cloud").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var environment = Options(args, "--env").Select(Pair).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var dockArguments = Options(args, "--set").Select(Pair).SelectMany(p => new[] { "--" + p.Name, p.Value }).ToList();

        Console.WriteLine($"Dock memory with MQTT and sync on: {files} MP4 files (64-256 KiB: the sample MP4 plus random padding) on {slots} recorders per outage, outage {outage:c}.");
        Console.WriteLine("The real dock process (simulation mode, default settings) enrolled with a cloud process (SQLite) and a mosquitto");
        Console.WriteLine("broker, all on 127.0.0.1. RSS from /proc/<pid>/status (VmRSS = anon: GC heap, native heaps,");
        Console.WriteLine("stacks + file: mapped assemblies and libraries + shmem: the runtime's W^X double mapping of JIT code).");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} CPUs, load average at start {LoadAverage()}.");
        if (environment.Count > 0 || dockArguments.Count > 0)
        {
            Console.WriteLine($"VARIANT, not the defaults: environment {string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"))} arguments {string.Join(' ', dockArguments)}");
        }

        await using var rig = await MemoryRig.StartAsync(slots, dockArguments, environment);
        using var sampler = new RssSampler(rig.Dock.Id);
        using var stopTimeline = new CancellationTokenSource();
        var timeline = TimelineAsync(rig, sampler, stopTimeline.Token);

        await Task.Delay(settle);
        var restFrom = sampler.Now;
        await Task.Delay(s_window);
        var rest = (Median: sampler.Median(restFrom, sampler.Now), Peak: sampler.Peak(restFrom, sampler.Now));
        Console.WriteLine($"at rest ({settle:c} after start-up, over {s_window.TotalSeconds:F0} s): median {Mib(rest.Median)}, max {Describe(rest.Peak)}");

        var phases = new List<OutagePhase>();
        foreach (var outageOf in outages)
        {
            phases.Add(outageOf switch
            {
                "broker" => await PhaseAsync(rig, sampler, new BulkRecorders(rig.Simulation, "broker", slots, files), "broker down", outage,
                    rig.Broker.StopAsync, () => rig.Broker.StartAgainAsync()),
                "cloud" => await PhaseAsync(rig, sampler, new BulkRecorders(rig.Simulation, "cloud", slots, files), "cloud down", outage,
                    rig.Cloud.KillAsync, () => rig.Cloud.StartAgainAsync()),
                _ => throw new ArgumentException($"--outages takes broker and/or cloud, not '{outageOf}'"),
            });
        }

        await Task.Delay(settle);
        var afterFrom = sampler.Now;
        await Task.Delay(s_window);
        var after = (Median: sampler.Median(afterFrom, sampler.Now), Peak: sampler.Peak(afterFrom, sampler.Now));
        await stopTimeline.CancelAsync();
        await timeline;

        Console.WriteLine();
        Console.WriteLine($"Summary ({files} files per outage, outage {outage:c}; goal: <= 100 MB at rest, <= 128 MB through each outage):");
        Console.WriteLine($"  at rest                              median {Mib(rest.Median)}, max {Mib(rest.Peak.Rss)}");
        foreach (var phase in phases)
        {
            Console.WriteLine($"  peak, {phase.Label,-12} (ingest {phase.Ingest.TotalSeconds:F0} s, down {phase.Down.TotalSeconds:F0} s)   {Describe(phase.Peak)}");
            Console.WriteLine($"    catching up after it ({phase.Recovery.TotalSeconds:F0} s)       {Describe(phase.RecoveryPeak)}");
        }

        Console.WriteLine($"  after recovery ({settle:c} later)        median {Mib(after.Median)}, max {Mib(after.Peak.Rss)}");
        Console.WriteLine($"  VmHWM (peak since the dock started)  {Mib(sampler.Latest?.Hwm ?? 0)}");
        Console.WriteLine($"Load average at end {LoadAverage()}.");
        return 0;
    }

    /// <summary>
    /// Takes the broker or the cloud away, inserts the recorders at once, keeps it away for the whole outage
    /// window (and until the ingest is done), brings it back and waits until every event and upload went out.
    /// </summary>
    private static async Task<OutagePhase> PhaseAsync(
        MemoryRig rig, RssSampler sampler, BulkRecorders recorders, string label, TimeSpan outage, Func<Task> takeAway, Func<Task> bringBack)
    {
        recorders.Fill();
        var from = sampler.Now;
        await takeAway();
        recorders.Insert();
        Console.WriteLine($"{label}: {recorders.Bytes / 1048576.0:F0} MiB on the recorders, inserted at {from.TotalSeconds:F0} s");
        TimeSpan? ingested = null;
        while (ingested is null || sampler.Now - from < outage)
        {
            await Task.Delay(250);
            ThrowIfExited(rig);
            ingested ??= recorders.SlotsDone() == recorders.SlotCount ? sampler.Now - from : null;
            if (ingested is null && sampler.Now - from > outage + s_catchUpTimeout)
            {
                throw new TimeoutException($"{label}: {recorders.SlotsDone()} of {recorders.SlotCount} recorders done after {sampler.Now - from}:\n{rig.Dock.Tail}");
            }
        }

        var down = sampler.Now - from;
        var peak = sampler.Peak(from, sampler.Now);
        Console.WriteLine($"{label}: ingest done after {ingested.Value.TotalSeconds:F0} s; back after {down.TotalSeconds:F0} s; peak {Describe(peak)}");
        await bringBack();
        var back = sampler.Now;
        while (rig.UnsentEvents() != 0 || rig.PendingUploads() != 0)
        {
            await Task.Delay(500);
            ThrowIfExited(rig);
            if (sampler.Now - back > s_catchUpTimeout)
            {
                throw new TimeoutException($"{label}: not caught up after {s_catchUpTimeout} ({rig.UnsentEvents()} events, {rig.PendingUploads()} uploads):\n{rig.Dock.Tail}");
            }
        }

        var recovery = sampler.Now - back;
        var recoveryPeak = sampler.Peak(back, sampler.Now);
        Console.WriteLine($"{label}: caught up {recovery.TotalSeconds:F0} s after it came back; peak meanwhile {Describe(recoveryPeak)}");
        recorders.Remove();
        var removed = sampler.Now;
        while (recorders.SlotsEmpty() != recorders.SlotCount)
        {
            // The next phase's recorders go in only once the dock has seen these leave, as an officer's would.
            await Task.Delay(250);
            ThrowIfExited(rig);
            if (sampler.Now - removed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"{label}: the dock shows {recorders.SlotsEmpty()} of {recorders.SlotCount} slots empty a minute after the recorders were pulled:\n{rig.Dock.Tail}");
            }
        }

        return new OutagePhase(label, peak, ingested.Value, down, recoveryPeak, recovery);
    }

    /// <summary>A line every 30 s: RSS and its parts, and the queues.</summary>
    private static async Task TimelineAsync(MemoryRig rig, RssSampler sampler, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (sampler.Latest is { } s)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  t={s.At.TotalSeconds,5:F0} s  {Describe(s)}  unsent events {rig.UnsentEvents()}, pending uploads {rig.PendingUploads()}, ingested {rig.IngestedEntries()}, load {LoadAverage()}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void ThrowIfExited(MemoryRig rig)
    {
        if (rig.Dock.HasExited)
        {
            throw new InvalidOperationException($"the dock exited with {rig.Dock.ExitCode}:\n{rig.Dock.Tail}");
        }
    }

    private static string Describe(RssSample s) => $"{Mib(s.Rss)} (anon {Mib(s.Anon)}, file {Mib(s.File)}, shmem {Mib(s.Shmem)})";

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB = {bytes / 1e6:F1} MB");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>"600", "90s", "10m" or a TimeSpan ("00:10:00").</summary>
    private static TimeSpan Duration(string text) => text switch
    {
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.Contains(':', StringComparison.Ordinal) => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };

    private static string? Option(string[] args, string name) => Options(args, name).LastOrDefault();

    private static IEnumerable<string> Options(string[] args, string name)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }

    private static (string Name, string Value) Pair(string text) =>
        text.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (text[..at], text[(at + 1)..]) : throw new ArgumentException($"expected NAME=VALUE, got '{text}'");
}
