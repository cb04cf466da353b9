using System.Collections.Concurrent;
using System.Diagnostics;
using DockGateway.Testing;

namespace DockGateway.Integration.Tests.Custody;

/// <summary>
/// The real dock (the built DockGateway.Device.dll of this test's configuration) as a child process in
/// simulation mode. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as in a power cut.
/// </summary>
internal sealed class DockProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public DockProcess(string simulationRoot, string dataDirectory, params string[] extraArguments)
        : this(new Dictionary<string, string>(), simulationRoot, dataDirectory, extraArguments)
    {
    }

    /// <summary>Starts the dock with extra environment variables (e.g. the test-only crash point).</summary>
    public DockProcess(IReadOnlyDictionary<string, string> environment, string simulationRoot, string dataDirectory, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in new[] { DeviceDll, "--simulate", simulationRoot, "--data", dataDirectory }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the dock");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string DeviceDll
    {
        get
        {
#if DEBUG
            const string Configuration = "Debug";
#else
            const string Configuration = "Release";
#endif
            var dll = Path.Combine(RepoPaths.Root, "device", "DockGateway.Device", "bin", Configuration, "net10.0", "DockGateway.Device.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"the dock is not built ({Configuration}): {dll}", dll);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the dock to end by itself (and for its output to be read); false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // with a timeout, the redirected output may not be drained yet
        return true;
    }

    /// <summary>The last lines the dock printed, for failure messages.</summary>
    public string Tail => string.Join('\n', _log.TakeLast(40));

    public void Kill()
    {
        _process.Kill(); // SIGKILL on Linux
        _process.WaitForExit();
    }

    /// <summary>Asks the dock to stop (SIGTERM) and waits for it.</summary>
    public void Stop(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(timeout))
        {
            Kill();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }
    }
}
