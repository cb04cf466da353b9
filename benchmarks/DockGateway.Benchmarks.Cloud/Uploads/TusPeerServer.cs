using System.Diagnostics;
using System.Globalization;
using DockGateway.Testing;
using DockGateway.Testing.Processes;

namespace DockGateway.Benchmarks.Cloud.Uploads;

/// <summary>
/// The reference tus server, <c>@tus/server</c> 2.4.5 with <c>@tus/file-store</c> 2.1.1 (Uploads/TusPeer, pinned by its
/// package-lock.json; <c>npm ci</c> there first), under Node on 127.0.0.1, storing into a temporary directory. It checks
/// no signature and no checksum and does not hash or fsync: the bar our server is measured against.
/// </summary>
public sealed class TusPeerServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private TusPeerServer(ChildProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The creation path (<c>POST</c>).</summary>
    public static string CreationPath => "/files";

    public static string Folder => Path.Combine(RepoPaths.Root, "benchmarks", "DockGateway.Benchmarks.Cloud", "Uploads", "TusPeer");

    /// <summary>Starts it, or returns null with the reason when Node or the installed packages are missing.</summary>
    public static async Task<(TusPeerServer? Server, string? Missing)> TryStartAsync()
    {
        if (Requirements.Find("node") is not { } node)
        {
            return (null, "node is not installed");
        }

        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@tus", "server")))
        {
            return (null, $"@tus/server is not installed: run `npm ci --prefix {Folder}`");
        }

        var directory = Directory.CreateTempSubdirectory("dockgw-tus-peer-").FullName;
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(node, [Path.Combine(Folder, "server.mjs"), port.ToString(CultureInfo.InvariantCulture), directory])
        {
            WorkingDirectory = Folder,
        };
        var process = new ChildProcess(start);
        var server = new TusPeerServer(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        await server.WaitListeningAsync();
        return (server, null);
    }

    /// <summary>CPU time (user + system) the Node process has used so far, from /proc (10 ms ticks).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>
    /// Makes what the peer stored durable, as our server does before its receipts: fsync of each file it wrote, then
    /// of its directory. Returns how long that took.
    /// </summary>
    public TimeSpan FsyncAll()
    {
        var clock = Stopwatch.StartNew();
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            DockGateway.Shared.Storage.DurableFile.Sync(file);
        }

        DockGateway.Shared.Storage.DurableDirectory.Sync(_directory);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.KillAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Until it answers an OPTIONS request on its creation path, whatever the status.</summary>
    private Task WaitListeningAsync() => HttpReadiness.WaitAsync(_process, "@tus/server", BaseAddress,
        () => new HttpRequestMessage(HttpMethod.Options, new Uri(CreationPath, UriKind.Relative)), _ => true, TimeSpan.FromSeconds(30));
}
