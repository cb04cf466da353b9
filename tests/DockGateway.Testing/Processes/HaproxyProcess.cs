using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DockGateway.Testing.Processes;

/// <summary>
/// Debian's haproxy in front of several cloud instances on 127.0.0.1: round robin per request, health checks on
/// <c>/healthz</c> every 500 ms (a dead instance is out after two failures, back after two passes), and a failed
/// connection redispatched to another instance. A request cut mid-way by an instance's death is not retried: the
/// client sees it fail, as a dock would behind a real load balancer.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private HaproxyProcess(ChildProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<HaproxyProcess> StartAsync(IReadOnlyList<Uri> backends)
    {
        var directory = Directory.CreateTempSubdirectory("dockgw-haproxy-").FullName;
        var port = LoopbackPort.Free();
        var config = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, Config(port, backends));
        var start = new ProcessStartInfo(Requirements.Find("haproxy") ?? "haproxy", ["-db", "-f", config]) { WorkingDirectory = directory };
        var proxy = new HaproxyProcess(new ChildProcess(start), directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        await proxy.WaitHealthyAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.KillAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Config(int port, IReadOnlyList<Uri> backends)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $$"""
            global
                maxconn 2000
            defaults
                mode http
                timeout connect 2s
                timeout client 120s
                timeout server 120s
                retries 3
                option redispatch
            frontend docks
                bind 127.0.0.1:{{port}}
                default_backend clouds
            backend clouds
                balance roundrobin
                option httpchk GET /healthz
            """);
        for (var i = 0; i < backends.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    server cloud{i + 1} 127.0.0.1:{backends[i].Port} check inter 500 fall 2 rise 2");
        }

        return text.ToString();
    }

    /// <summary>Until haproxy passes a request to a healthy cloud.</summary>
    private Task WaitHealthyAsync() => HttpReadiness.WaitHealthyAsync(_process, "haproxy", BaseAddress, TimeSpan.FromSeconds(30));
}
