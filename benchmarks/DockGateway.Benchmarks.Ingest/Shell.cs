using System.Diagnostics;

namespace DockGateway.Benchmarks.Ingest;

/// <summary>Runs a shell pipeline (the baselines are literally <c>cp</c>, <c>sync</c>, <c>openssl dgst</c>) and times it.</summary>
internal static class Shell
{
    public static TimeSpan Time(string script)
    {
        var watch = Stopwatch.StartNew();
        Run(script);
        return watch.Elapsed;
    }

    public static void Run(string script) => Output(script);

    public static string Output(string script)
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", "set -e; " + script]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("could not start bash");
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        if (bash.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script}' exited with {bash.ExitCode}");
        }

        return output.TrimEnd();
    }
}
