using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Latency;

/// <summary>
/// <c>latency [--rounds 5] [--sim-poll-ms N]</c>: time from inserting a recorder with the four sample
/// files to the slot wiped, to every file SHA-256-verified in the cloud, and to every receipt logged by
/// the dock; each round a fresh cloud and dock process. The dock runs with its default settings unless
/// <c>--sim-poll-ms</c> sets Dock:Simulation:PollInterval (printed as a variant).
/// </summary>
public static class LatencyBenchmark
{
    private static readonly TimeSpan s_roundTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 5);
        var simPollMs = Option(args, "--sim-poll-ms", 0);
        string[] dockArguments = simPollMs > 0
            ? ["--Dock:Simulation:PollInterval", TimeSpan.FromMilliseconds(simPollMs).ToString("c", CultureInfo.InvariantCulture)]
            : [];
        var bytes = new SampleRecorder("probe").Bytes;
        Console.WriteLine($"Insertion-to-cloud latency: {rounds} rounds, one recorder with the 4 sample files ({bytes} bytes) in slot 1.");
        Console.WriteLine("Each round: a fresh cloud process (SQLite, 127.0.0.1), a dock enrolled with a one-time token and the real dock");
        Console.WriteLine("process in simulation mode, new key and data; no MQTT broker (ingest and upload do not use it). Polled every 20 ms.");
        Console.WriteLine("The recorder is inserted 1 s + a random 0-2 s after the dock is up, so it falls at a random point of its polling cycles.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} CPUs, load average at start {LoadAverage()} (/proc/loadavg; a shared machine when high).");
        Console.WriteLine(simPollMs > 0
            ? $"VARIANT, not the default: Dock:Simulation:PollInterval = {simPollMs} ms (insertion detection; default 250 ms)."
            : "Dock settings are the defaults a real dock uses.");
        Console.WriteLine("Intervals on the path (defaults):");
        Console.WriteLine("  Dock:Simulation:PollInterval 250 ms: how often slot folders are looked at (insertion detection; USB uses uevents).");
        Console.WriteLine("  Upload worker: looks for queued files every 2 s when idle (device/DockGateway.Device/Sync/UploadWorker.cs;");
        Console.WriteLine("    hard-coded, not a configuration key). Files ingested while it sleeps wait for its next look.");
        Console.WriteLine("  Sync:WitnessInterval 30 s, Dock:CheckpointInterval 30 s: witnessing and checkpoints, not part of these figures.");

        var results = new List<LatencyResult>();
        for (var round = 1; round <= rounds; round++)
        {
            await using var rig = await LatencyRound.StartAsync(dockArguments);
            var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2000));
            var result = await rig.MeasureAsync(new SampleRecorder($"LAT-{Guid.NewGuid():N}"[..16].ToUpperInvariant()), pause, s_roundTimeout);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} (inserted {Ms(pause + TimeSpan.FromSeconds(1))} after the dock watched its slots): first ingested {Ms(result.FirstIngested)}, first upload begun {Ms(result.FirstUploadBegun)}, " +
                $"wiped {Ms(result.Wiped)}, cloud-verified {Ms(result.CloudVerified)}, receipts logged {Ms(result.ReceiptsLogged)}"));
        }

        Console.WriteLine($"Summary over {rounds} rounds (min / median / max), from recorder.json in place:");
        Summary("insertion -> slot done (wiped)", results.Select(r => r.Wiped));
        Summary("insertion -> all 4 verified in cloud", results.Select(r => r.CloudVerified));
        Summary("insertion -> all 4 receipts logged", results.Select(r => r.ReceiptsLogged));
        Summary("  (first ingested entry)", results.Select(r => r.FirstIngested));
        Summary("  (first upload begun in the cloud)", results.Select(r => r.FirstUploadBegun));
        Summary("  (wait: first ingested -> upload begun)", results.Select(r => r.FirstUploadBegun - r.FirstIngested));
        Summary("  (uploads: first begun -> all verified)", results.Select(r => r.CloudVerified - r.FirstUploadBegun));
        Console.WriteLine($"Load average at end {LoadAverage()}.");
        return 0;
    }

    private static void Summary(string label, IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        Console.WriteLine($"  {label,-42} {Ms(sorted[0]),9} / {Ms(median),9} / {Ms(sorted[^1]),9}");
    }

    private static string Ms(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:F0} ms");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
