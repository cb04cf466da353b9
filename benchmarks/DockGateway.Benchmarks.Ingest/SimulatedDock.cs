using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DockGateway.Device.Ingest;
using DockGateway.Testing.Processes;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>
/// The real dock (<see cref="DockProcess"/>: DockGateway.Device.dll of this build's configuration) in
/// simulation mode: recorders are inserted by writing slot folders, completion is read
/// from each slot's state.json, peak memory from the child's /proc status.
/// </summary>
internal sealed class SimulatedDock : IDisposable
{
    private readonly DockProcess _dock;

    public SimulatedDock(string root)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, "sim", "slots"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        _dock = new DockProcess(
            Path.Combine(root, "sim"),
            Path.Combine(root, "data"),
            ["--Dock:Simulation:PollInterval", "00:00:00.020"],
            new Dictionary<string, string> { [IngestCpuStages.Variable] = StagesFile },
            onErrorLine: line => Console.Error.WriteLine($"  dock: {line}"));
    }

    public string Root { get; }

    /// <summary>Where the dock writes its CPU time per ingest stage.</summary>
    public string StagesFile => Path.Combine(Root, "cpu-stages");

    public string SlotDirectory(int slot) => Path.Combine(Root, "sim", "slots", slot.ToString(CultureInfo.InvariantCulture));

    /// <summary>Hard-links the files into the slot's volume (no copying), then writes recorder.json to insert it.</summary>
    public void Insert(int slot, string serial, IEnumerable<string> files)
    {
        var volume = Path.Combine(SlotDirectory(slot), "volume", "DCIM");
        Directory.CreateDirectory(volume);
        foreach (var file in files)
        {
            Link(file, Path.Combine(volume, Path.GetFileName(file)));
        }

        var json = Path.Combine(SlotDirectory(slot), "recorder.json");
        File.WriteAllText(json + ".tmp", $"{{\"serial\":\"{serial}\",\"vendor\":\"Bench\",\"model\":\"B1\"}}");
        File.Move(json + ".tmp", json);
    }

    /// <summary>Waits until every slot reports done for the given recorder; throws on error/refused or timeout.</summary>
    public void WaitDone(IReadOnlyDictionary<int, string> slots, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var pending = new Dictionary<int, string>(slots);
        while (pending.Count > 0)
        {
            foreach (var (slot, serial) in pending.ToList())
            {
                var (state, recorder, message) = ReadState(slot);
                if (recorder == serial && state == "done")
                {
                    pending.Remove(slot);
                }
                else if (recorder == serial && state is "error" or "refused")
                {
                    throw new InvalidOperationException($"slot {slot} ended in {state}: {message}");
                }
            }

            if (_dock.HasExited)
            {
                throw new InvalidOperationException($"the dock exited with code {_dock.ExitCode}");
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"slots {string.Join(",", pending.Keys)} not done after {timeout}");
            }

            Thread.Sleep(5);
        }
    }

    /// <summary>Peak resident set (VmHWM) of the dock process, in bytes.</summary>
    public long PeakRss()
    {
        var line = File.ReadLines($"/proc/{_dock.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU seconds (user, system) the dock process has used so far, from /proc (clock ticks of 1/100 s).</summary>
    public (double User, double System) CpuTimes()
    {
        var stat = File.ReadAllText($"/proc/{_dock.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) / 100.0, long.Parse(fields[12], CultureInfo.InvariantCulture) / 100.0);
    }

    /// <summary>CPU seconds per thread of the dock so far.</summary>
    public Dictionary<(int Tid, string Name), double> ThreadTimes() => ThreadCpu.Read(_dock.Id);

    public void Dispose() => _dock.Dispose();

    private (string? State, string? Recorder, string? Message) ReadState(int slot)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SlotDirectory(slot), "state.json")));
            string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Get("state"), Get("recorder"), Get("message"));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return (null, null, null);
        }
    }

    private static void Link(string from, string to)
    {
        using var ln = Process.Start("ln", [from, to]);
        ln.WaitForExit();
        if (ln.ExitCode != 0)
        {
            throw new IOException($"ln {from} {to} failed");
        }
    }
}
