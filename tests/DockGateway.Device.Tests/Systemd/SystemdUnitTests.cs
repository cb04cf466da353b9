using System.Diagnostics;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Systemd;

/// <summary>deploy/dockgateway.service and deploy/dockgateway-cloud.service checked by systemd itself.</summary>
public sealed class SystemdUnitTests : IDisposable
{
    private static readonly string s_unit = Path.Combine(RepoPaths.Root, "deploy", "dockgateway.service");
    private static readonly string? s_skip = Requirements.Find("systemd-analyze") is null
        ? "systemd-analyze is not installed (package systemd)"
        : null;

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [SkippableUnitTheory]
    [InlineData("dockgateway.service")]
    [InlineData("dockgateway-cloud.service")]
    public void Unit_file_passes_systemd_analyze_verify_without_a_warning(string unit)
    {
        var (exitCode, output) = Verify(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", unit)));

        Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify said (exit {exitCode}):\n{output}");
    }

    [SkippableUnitFact]
    public void Verify_catches_a_mistyped_hardening_option()
    {
        var (_, output) = Verify(File.ReadAllText(s_unit).Replace("ProtectSystem=strict", "ProtectSytem=strict", StringComparison.Ordinal));

        Assert.Contains("ProtectSytem", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_is_type_notify_with_a_watchdog_restart_policy_and_hardening()
    {
        var lines = File.ReadAllLines(s_unit).Where(l => !l.StartsWith('#')).ToHashSet();

        Assert.Contains("Type=notify", lines);
        Assert.Contains("WatchdogSec=30s", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        Assert.Contains("ReadWritePaths=/var/lib/dockgateway /run/dockgateway", lines);
        Assert.Contains("NoNewPrivileges=yes", lines);
        Assert.Contains("PrivateTmp=yes", lines);
        Assert.Contains("CapabilityBoundingSet=CAP_SYS_ADMIN", lines);
    }

    /// <summary>verify insists that ExecStart exists: check a copy whose ExecStart is a program every machine has.</summary>
    private (int ExitCode, string Output) Verify(string unit)
    {
        var copy = _scratch.Combine("dockgateway.service");
        var rewritten = unit.Split('\n').Select(l =>
            l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=/usr/bin/env true"
            : l.StartsWith("WorkingDirectory=", StringComparison.Ordinal) ? "WorkingDirectory=/"
            : l);
        File.WriteAllText(copy, string.Join('\n', rewritten));
        var info = new ProcessStartInfo(Requirements.Find("systemd-analyze")!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("verify");
        info.ArgumentList.Add(copy);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    private sealed class SkippableUnitFactAttribute : FactAttribute
    {
        public SkippableUnitFactAttribute()
        {
            Skip = s_skip;
        }
    }

    private sealed class SkippableUnitTheoryAttribute : TheoryAttribute
    {
        public SkippableUnitTheoryAttribute()
        {
            Skip = s_skip;
        }
    }
}
