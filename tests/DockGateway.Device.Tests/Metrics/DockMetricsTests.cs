using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockGateway.Device.Metrics;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace DockGateway.Device.Tests.Metrics;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(DockMetricsCollection.Name)]
public sealed partial class DockMetricsTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-metrics-").FullName;
    private readonly int _port = LoopbackPort.Free();
    private IHost? _host;

    private string Sim => Path.Combine(_root, "sim");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dock:DataDirectory"] = Path.Combine(_root, "data"),
            ["Dock:Simulation:Root"] = Sim,
            ["Dock:Simulation:PollInterval"] = "00:00:00.050",
            ["Dock:MinFreeBytes"] = "0",
            ["Dock:Metrics:Listen"] = $"127.0.0.1:{_port}",
        });
        builder.Services.AddDockServices(builder.Configuration);
        builder.Services.AddDockMetrics(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host!.StopAsync();
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Scrape_after_an_ingest_counts_every_sample_file_and_its_bytes()
    {
        var volume = Path.Combine(Sim, "slots", "1", "volume");
        TestDock.AddFixtures(volume);
        var files = Directory.GetFiles(volume, "*", SearchOption.AllDirectories);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        File.WriteAllText(Path.Combine(Sim, "slots", "1", "recorder.json.tmp"), """{"serial":"BC-1001","vendor":"Acme","model":"BW-1"}""");
        File.Move(Path.Combine(Sim, "slots", "1", "recorder.json.tmp"), Path.Combine(Sim, "slots", "1", "recorder.json"));
        await WaitForDoneAsync(1);

        var text = await ScrapeAsync();

        Assert.Equal(files.Length, Value(text, "dockgateway_dock_ingest_files_total"));
        Assert.Equal(TestDock.FixtureHashes().Count, Value(text, "dockgateway_dock_ingest_files_total"));
        Assert.Equal(bytes, Value(text, "dockgateway_dock_ingest_size_bytes_total"));
        Assert.Null(Value(text, "dockgateway_dock_ingest_verification_failures_total"));
        Assert.Equal(1, Value(text, "dockgateway_dock_slots", "state=\"done\""));
        Assert.Equal(0, Value(text, "dockgateway_dock_slots", "state=\"error\""));
        Assert.True(Value(text, "dockgateway_dock_disk_free_bytes") > 0);
    }

    [Fact]
    public void Endpoint_listens_on_127_0_0_1_only()
    {
        var listening = File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "0A" && int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == _port)
            .Select(f => f[1].Split(':')[0])
            .ToList();
        Assert.Equal(["0100007F"], listening); // 127.0.0.1, little-endian hex; not 00000000 (every address)

        var other = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (other is not null)
        {
            using var client = new TcpClient();
            Assert.Throws<SocketException>(() => client.Connect(other, _port));
        }
    }

    [Fact]
    public void Endpoint_is_off_by_default_the_suggested_one_is_loopback_9464_and_a_bad_value_names_the_key()
    {
        var defaults = new DockMetricsOptions();
        Assert.False(defaults.Enabled); // off: the endpoint costs 13-17 MB of RSS against the 100 MB at-rest goal
        Assert.Null(defaults.EndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9464), new DockMetricsOptions { Listen = DockMetricsOptions.DefaultListen }.EndPoint);

        var bad = new DockMetricsOptionsValidator().Validate(null, new DockMetricsOptions { Listen = "localhost:x" });
        Assert.True(bad.Failed);
        Assert.Contains("Dock:Metrics:Listen", bad.FailureMessage, StringComparison.Ordinal);
        Assert.True(new DockMetricsOptionsValidator().Validate(null, new DockMetricsOptions { Listen = "" }).Succeeded);
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = new HttpClient();
        var response = await client.GetAsync(new Uri($"http://127.0.0.1:{_port}/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task WaitForDoneAsync(int slot)
    {
        var path = Path.Combine(Sim, "slots", slot.ToString(CultureInfo.InvariantCulture), "state.json");
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(path) && JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("state").GetString() == "done")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"slot {slot} never reached done");
    }

    private static double? Value(string exposition, string name, params string[] labels)
    {
        double? sum = null;
        foreach (var match in exposition.Split('\n').Select(l => Sample().Match(l)).Where(m => m.Success))
        {
            if (match.Groups["name"].Value == name && labels.All(l => match.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            {
                sum = (sum ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
