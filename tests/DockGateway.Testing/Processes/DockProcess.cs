using System.Diagnostics;

namespace DockGateway.Testing.Processes;

/// <summary>
/// The real dock (the built DockGateway.Device.dll, see <see cref="BuiltProducts"/>, or another build of it named by
/// <c>command</c>) as a child process in simulation mode: <c>dotnet exec DockGateway.Device.dll --simulate SIM --data DATA [arguments]</c>.
/// </summary>
public sealed class DockProcess : IDisposable
{
    private readonly ChildProcess _process;

    /// <param name="simulationRoot">The simulated slots' root (<c>--simulate</c>).</param>
    /// <param name="dataDirectory">The dock's data directory (<c>--data</c>).</param>
    /// <param name="arguments">Extra command-line arguments, e.g. <c>--config FILE</c> or <c>--Dock:Simulation:PollInterval 00:00:00.050</c>.</param>
    /// <param name="environment">Extra environment variables (e.g. the test-only crash point).</param>
    /// <param name="onErrorLine">Called with each line the dock writes to standard error.</param>
    /// <param name="command">What runs the dock instead of <c>dotnet exec DockGateway.Device.dll</c>: a program and its first
    /// arguments, e.g. a packaged self-contained build under emulation (<see cref="Emulation.Arm64"/>).</param>
    public DockProcess(
        string simulationRoot,
        string dataDirectory,
        IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? onErrorLine = null,
        IReadOnlyList<string>? command = null)
    {
        command ??= ["dotnet", "exec", BuiltProducts.Device];
        var start = new ProcessStartInfo(command[0]);
        foreach (var argument in command.Skip(1).Concat(["--simulate", simulationRoot, "--data", dataDirectory]).Concat(arguments ?? []))
        {
            start.ArgumentList.Add(argument);
        }

        // No metrics endpoint unless a test asks for one: parallel docks would all want 127.0.0.1:9464.
        start.Environment["Dock__Metrics__Listen"] = string.Empty;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = new ChildProcess(start, onErrorLine);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <inheritdoc cref="ChildProcess.Tail"/>
    public string Tail => _process.Tail;

    /// <inheritdoc cref="ChildProcess.WaitForExit"/>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public void Kill() => _process.Kill();

    /// <inheritdoc cref="ChildProcess.Stop"/>
    public void Stop(TimeSpan timeout) => _process.Stop(timeout);

    public void Dispose() => _process.Dispose();
}
