using System.Collections.Concurrent;
using System.Diagnostics;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Configuration;

/// <summary>The real dock or cloud started with a bad configuration: how it ended and everything it printed.</summary>
internal sealed record RejectedStart(int ExitCode, IReadOnlyList<string> ErrorLines, IReadOnlyList<string> AllLines)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>The single line printed, after checking that it was the only one, on standard error, and that the exit code was 2.</summary>
    public string SingleErrorLine()
    {
        Assert.True(ExitCode == 2, $"exit code {ExitCode}, output:\n{string.Join('\n', AllLines)}");
        Assert.True(AllLines.Count == 1, "expected one line, got:\n" + string.Join('\n', AllLines));
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("configuration error: ", line, StringComparison.Ordinal);
        return line;
    }

    /// <summary>The dock in simulation mode on <paramref name="simulationRoot"/> and <paramref name="dataDirectory"/>.</summary>
    public static RejectedStart Dock(string simulationRoot, string dataDirectory, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var errors = new ConcurrentQueue<string>();
        using var dock = new DockProcess(simulationRoot, dataDirectory, arguments, environment, errors.Enqueue);
        if (!dock.WaitForExit(s_timeout))
        {
            dock.Stop(TimeSpan.FromSeconds(10));
            Assert.Fail("the dock did not stop on a bad configuration:\n" + dock.Tail);
        }

        return new RejectedStart(dock.ExitCode, [.. errors], Lines(dock.Tail));
    }

    /// <summary>The cloud in <paramref name="directory"/> (its working directory, where appsettings.json is read), SQLite in data/.</summary>
    public static RejectedStart Cloud(string directory, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", BuiltProducts.Cloud, .. arguments ?? []]) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{DockGateway.Testing.LoopbackPort.Free()}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Cloud__DataDirectory"] = Path.Combine(directory, "data");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var errors = new ConcurrentQueue<string>();
        using var cloud = new ChildProcess(start, errors.Enqueue);
        if (!cloud.WaitForExit(s_timeout))
        {
            cloud.Stop(TimeSpan.FromSeconds(10));
            Assert.Fail("the cloud did not stop on a bad configuration:\n" + cloud.Tail);
        }

        return new RejectedStart(cloud.ExitCode, [.. errors], Lines(cloud.Tail));
    }

    private static List<string> Lines(string tail) => [.. tail.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
