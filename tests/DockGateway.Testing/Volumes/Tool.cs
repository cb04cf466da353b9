using System.Diagnostics;

namespace DockGateway.Testing.Volumes;

/// <summary>Runs a command-line tool for test set-up, failing loudly with its output.</summary>
public static class Tool
{
    public static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(Requirements.Find(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["MTOOLS_SKIP_CHECK"] = "1";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}{output}");
        }

        return output;
    }
}
