using System.Diagnostics;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>A program run to its end on this machine, its standard output and error read together.</summary>
internal static class HostCommand
{
    /// <summary>Runs <paramref name="command"/> (program first) and returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(
        IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? user = null, string? directory = null)
    {
        var start = Start(command, environment, user, directory);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not end within {timeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>What runs <paramref name="command"/>, as <paramref name="user"/> when given (the process is started with that
    /// user's ids, as systemd's User= does), in <paramref name="directory"/> when given.</summary>
    public static ProcessStartInfo Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null, string? user = null, string? directory = null)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, UserName = user, WorkingDirectory = directory };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs <paramref name="command"/> and fails, with what it printed, unless it exits 0; returns its output.</summary>
    public static string Succeed(params string[] command)
    {
        var (code, output) = Run(command);
        return code == 0 ? output : throw new InvalidOperationException($"{string.Join(' ', command)} exited {code}:\n{output}");
    }
}
