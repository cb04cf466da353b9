using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Metrics;

/// <summary>The real dock process in simulation mode, scraped on its own 127.0.0.1 port after it ingested the sample footage.</summary>
public sealed class DockProcessMetricsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockgw-metrics-proc-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Dock_process_scraped_after_an_ingest_reports_every_sample_file_and_its_bytes()
    {
        var port = LoopbackPort.Free();
        var sim = Path.Combine(_root, "sim");
        var volume = Path.Combine(sim, "slots", "2", "volume");
        Directory.CreateDirectory(volume);
        var samples = Directory.GetFiles(RepoPaths.Footage).Where(f => Path.GetFileName(f) != "SHA256SUMS").ToList();
        foreach (var file in samples)
        {
            File.Copy(file, Path.Combine(volume, Path.GetFileName(file)));
        }

        using var dock = new DockProcess(
            sim,
            Path.Combine(_root, "data"),
            ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:MinFreeBytes", "0"],
            new Dictionary<string, string> { ["Dock__Metrics__Listen"] = $"127.0.0.1:{port}" });
        File.WriteAllText(Path.Combine(sim, "slots", "2", "recorder.json.tmp"), """{"serial":"BC-2002","vendor":"Acme","model":"BW-1"}""");
        File.Move(Path.Combine(sim, "slots", "2", "recorder.json.tmp"), Path.Combine(sim, "slots", "2", "recorder.json"));
        await WaitForDoneAsync(dock, Path.Combine(sim, "slots", "2", "state.json"));

        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        dock.Stop(TimeSpan.FromSeconds(20));

        Assert.Contains($"dockgateway_dock_ingest_files_total{{otel_scope_name=\"DockGateway.Dock\"}} {samples.Count}", text, StringComparison.Ordinal);
        var bytes = samples.Sum(f => new FileInfo(f).Length).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"dockgateway_dock_ingest_size_bytes_total{{otel_scope_name=\"DockGateway.Dock\"}} {bytes}", text, StringComparison.Ordinal);
        Assert.Contains("dockgateway_dock_slots{otel_scope_name=\"DockGateway.Dock\",state=\"done\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dock_whose_metrics_port_is_taken_logs_it_and_still_ingests()
    {
        var port = LoopbackPort.Free();
        using var taken = new TcpListener(IPAddress.Loopback, port);
        taken.Start();
        var sim = Path.Combine(_root, "sim");
        var volume = Path.Combine(sim, "slots", "1", "volume");
        Directory.CreateDirectory(volume);
        File.Copy(Directory.GetFiles(RepoPaths.Footage, "*.JPG").First(), Path.Combine(volume, "IMG_1.JPG"));

        using var dock = new DockProcess(
            sim,
            Path.Combine(_root, "data"),
            ["--Dock:Simulation:PollInterval", "00:00:00.050", "--Dock:MinFreeBytes", "0"],
            new Dictionary<string, string> { ["Dock__Metrics__Listen"] = $"127.0.0.1:{port}" });
        File.WriteAllText(Path.Combine(sim, "slots", "1", "recorder.json.tmp"), """{"serial":"BC-1001","vendor":"Acme","model":"BW-1"}""");
        File.Move(Path.Combine(sim, "slots", "1", "recorder.json.tmp"), Path.Combine(sim, "slots", "1", "recorder.json"));
        await WaitForDoneAsync(dock, Path.Combine(sim, "slots", "1", "state.json"));
        dock.Stop(TimeSpan.FromSeconds(20));

        Assert.Contains($"Dock:Metrics:Listen 127.0.0.1:{port} could not be bound", dock.Tail, StringComparison.Ordinal);
    }

    private static async Task WaitForDoneAsync(DockProcess dock, string statePath)
    {
        for (var i = 0; i < 600; i++)
        {
            if (dock.HasExited)
            {
                throw new InvalidOperationException($"the dock exited with {dock.ExitCode}:\n{dock.Tail}");
            }

            if (File.Exists(statePath) && JsonDocument.Parse(await File.ReadAllTextAsync(statePath)).RootElement.GetProperty("state").GetString() == "done")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the slot never reached done:\n{dock.Tail}");
    }
}
