using System.Diagnostics;
using System.Globalization;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// <c>uploads [--files 20] [--size-mib 256] [--chunk-mib 8] [--warmup-chunks 32]</c>: the same bytes sent by N
/// concurrent plain HTTP PUTs to an endpoint that discards them, then by N concurrent signed tus
/// uploads that are hashed, fsync'd and stored; prints MB/s for both and the ratio (target ≥ 0.8), then the same
/// uploads to @tus/server. Before each server's timed uploads, both ours and the peer get the same warm-up: N other
/// files of <c>--warmup-chunks</c> chunks of at most 1 MiB, twice, each time followed by a wait until this process's JIT has gone quiet, so
/// neither server is timed while compiling its hot path (the client's code was otherwise warmed by our run only,
/// for the peer's). <c>--warmup-chunks 0</c> measures cold, as before. Each timed run prints what the disks wrote
/// meanwhile; after the peer's, its files are fsync'd and the rate with that fsync is printed beside the bare one,
/// since ours are on the disk before each receipt and the peer's may still be in the page cache; and how the run's
/// bytes compare with what the kernel lets a writer leave in the page cache (<see cref="DirtyLimits"/>).
/// </summary>
public static class UploadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var files = Option(args, "--files", 20);
        var sizeMib = Option(args, "--size-mib", 256);
        var chunkMib = Option(args, "--chunk-mib", 8);
        var warmupChunks = Option(args, "--warmup-chunks", 32, allowZero: true);
        Console.WriteLine($"Upload benchmark: {files} concurrent files of {sizeMib} MiB, tus chunks of {chunkMib} MiB, 127.0.0.1");

        var data = BenchmarkFile.Create(files, (long)sizeMib << 20, chunkMib << 20);
        var warmupChunk = Math.Min(chunkMib << 20, 1 << 20);
        IReadOnlyList<IReadOnlyList<BenchmarkFile>> warmup = warmupChunks == 0
            ? []
            : [.. Enumerable.Range(0, 2).Select(_ => BenchmarkFile.Create(files, (long)warmupChunks * warmupChunk, warmupChunk))];
        await using var cloud = await BenchmarkCloud.StartAsync();
        var docks = new List<TusBenchmarkClient>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = files * 2 })
        {
            BaseAddress = cloud.BaseAddress,
            Timeout = TimeSpan.FromMinutes(30),
        };
        for (var i = 0; i < files; i++)
        {
            var (dockId, key) = await cloud.EnrolDockAsync("BENCH");
            docks.Add(new TusBenchmarkClient(http, dockId, key));
        }

        var plain = await TimeAsync(() => Task.WhenAll(data.Select(async file =>
        {
            using var response = await http.PutAsync("/bench/discard", new ChunkedContent(file));
            response.EnsureSuccessStatusCode();
        })));
        await WarmUpAsync(warmup, (file, i) => docks[i % files].UploadAsync(file, files + i));
        var (cpuBefore, diskBefore) = (OwnCpuSeconds(), DiskWrites.Bytes());
        var tus = await TimeAsync(() => Task.WhenAll(data.Select((file, i) => docks[i].UploadAsync(file, i))));
        var (tusCpu, tusDisk) = (OwnCpuSeconds() - cpuBefore, DiskWrites.Bytes() - diskBefore);

        var bytes = data.Sum(f => f.Length);
        var plainRate = bytes / plain.TotalSeconds / 1e6;
        var tusRate = bytes / tus.TotalSeconds / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plain PUT (discarded):          {bytes / 1e6,10:F0} MB in {plain.TotalSeconds,7:F2} s = {plainRate,8:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tus (signed, sha256, fsync'd):  {bytes / 1e6,10:F0} MB in {tus.TotalSeconds,7:F2} s = {tusRate,8:F1} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio tus / plain: {tusRate / plainRate:F2} (target >= 0.80)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU, tus: {tusCpu:F1} s (cloud and client: one process) = {tusCpu / (bytes / 1e9):F2} s per GB; the disks wrote {tusDisk / 1e6:F0} MB meanwhile"));
        Console.WriteLine(DirtyLimits.Describe(bytes));
        await PeerAsync(data, warmup, files, bytes, tusRate, tusCpu);
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The same files, chunks and client against @tus/server (same run), and our rate as a ratio to it.</summary>
    private static async Task PeerAsync(
        IReadOnlyList<BenchmarkFile> data, IReadOnlyList<IReadOnlyList<BenchmarkFile>> warmup, int files, long bytes, double tusRate, double tusCpu)
    {
        var (peer, missing) = await TusPeerServer.TryStartAsync();
        if (peer is null)
        {
            Console.WriteLine($"@tus/server: not measured ({missing})");
            return;
        }

        await using (peer)
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = files * 2 })
            {
                BaseAddress = peer.BaseAddress,
                Timeout = TimeSpan.FromMinutes(30),
            };
            using var key = DockGateway.Shared.Crypto.Ed25519PrivateKey.Generate();
            var client = new TusBenchmarkClient(http, "peer", key, TusPeerServer.CreationPath); // the signature headers are simply ignored there
            await WarmUpAsync(warmup, (file, i) => client.UploadAsync(file, files + i));
            var (ownBefore, peerBefore, diskBefore) = (OwnCpuSeconds(), peer.CpuSeconds(), DiskWrites.Bytes());
            var elapsed = await TimeAsync(() => Task.WhenAll(data.Select((file, i) => client.UploadAsync(file, i))));
            var (clientCpu, peerCpu, peerDisk) = (OwnCpuSeconds() - ownBefore, peer.CpuSeconds() - peerBefore, DiskWrites.Bytes() - diskBefore);
            var peerRate = bytes / elapsed.TotalSeconds / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"@tus/server 2.4.5 (file store):{bytes / 1e6,10:F0} MB in {elapsed.TotalSeconds,7:F2} s = {peerRate,8:F1} MB/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU, @tus/server: {peerCpu + clientCpu:F1} s (Node {peerCpu:F1} s + client {clientCpu:F1} s) = {(peerCpu + clientCpu) / (bytes / 1e9):F2} s per GB; the disks wrote {peerDisk / 1e6:F0} MB meanwhile"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio tus / @tus/server: {tusRate / peerRate:F2} (target >= 1.0); CPU tus / @tus/server: {tusCpu / (peerCpu + clientCpu):F2}"));

            // What our receipts promise, the peer's files on disk, costs it this much more (its server is done; no upload runs).
            var fsync = peer.FsyncAll();
            var durableRate = bytes / (elapsed + fsync).TotalSeconds / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"@tus/server, then fsync of its files: {bytes / 1e6,6:F0} MB in {(elapsed + fsync).TotalSeconds,7:F2} s = {durableRate,8:F1} MB/s (the fsync took {fsync.TotalSeconds:F2} s); ratio tus / that: {tusRate / durableRate:F2}"));
        }
    }

    /// <summary>
    /// Each round: uploads its files, then waits (at most 30 s) until no method was compiled for a second. Two rounds,
    /// since the runtime starts counting calls towards its optimised tier only once new methods stop appearing: the
    /// first round compiles the path, the second makes it hot.
    /// </summary>
    private static async Task WarmUpAsync(IReadOnlyList<IReadOnlyList<BenchmarkFile>> rounds, Func<BenchmarkFile, int, Task> upload)
    {
        var entry = 0;
        foreach (var round in rounds)
        {
            var first = entry;
            await Task.WhenAll(round.Select((file, i) => upload(file, first + i)));
            entry += round.Count;
            await JitQuietAsync();
        }
    }

    private static async Task JitQuietAsync()
    {
        var quiet = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quiet.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }
            compiled = now;
        }
    }

    private static double OwnCpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed;
    }

    private static int Option(string[] args, string name, int fallback, bool allowZero = false)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value)
            && (value > 0 || (allowZero && value == 0))
            ? value
            : fallback;
    }
}
