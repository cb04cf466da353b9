using System.Diagnostics;
using DockGateway.Device.Hardware;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DockGateway.Device.Tests.Systemd;

/// <summary>deploy/install-pi.sh run under a --prefix with a stand-in build, and the example configuration.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly string s_deploy = Path.Combine(RepoPaths.Root, "deploy");
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Install_under_a_prefix_lays_out_the_unit_config_and_private_state()
    {
        var prefix = _scratch.Combine("root");
        var (code, output) = Install(prefix);

        Assert.True(code == 0, output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(prefix, "etc/dockgateway/dockgateway.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(prefix, "var/lib/dockgateway")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(prefix, "var/lib/dockgateway/keys")));
        Assert.Equal(File.ReadAllText(Path.Combine(s_deploy, "dockgateway.service")), File.ReadAllText(Path.Combine(prefix, "etc/systemd/system/dockgateway.service")));
        Assert.True(File.Exists(Path.Combine(prefix, "opt/dockgateway/device/DockGateway.Device.dll")));
        Assert.Contains("dockctl.dll", File.ReadAllText(Path.Combine(prefix, "usr/local/bin/dockctl")), StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("+ apt-get", StringComparison.Ordinal) || l.StartsWith("+ systemctl", StringComparison.Ordinal));
    }

    [Fact]
    public void Reinstall_keeps_an_edited_configuration()
    {
        var prefix = _scratch.Combine("root");
        Install(prefix);
        var config = Path.Combine(prefix, "etc/dockgateway/dockgateway.json");
        File.WriteAllText(config, "{ \"edited\": true }");

        var (code, output) = Install(prefix);

        Assert.Equal(0, code);
        Assert.Contains("keeping existing", output, StringComparison.Ordinal);
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(config));
    }

    [Fact]
    public void Dry_run_changes_nothing_and_unknown_options_are_refused()
    {
        var prefix = _scratch.Combine("dry");

        Assert.Equal(0, Install(prefix, "--dry-run").Code);
        Assert.False(Directory.Exists(prefix));
        var (code, output) = Run(Path.Combine(s_deploy, "install-pi.sh"), "--frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--frobnicate'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_configuration_binds_and_passes_validation()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(s_deploy, "dockgateway.example.json")).Build();
        var options = configuration.GetSection(DockHardwareOptions.Section).Get<DockHardwareOptions>()!;

        var result = new DockHardwareOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(4, options.Slots.Count);
        Assert.Equal(26, options.BuzzerPin);
        Assert.True(options.HasGpio);
    }

    private (int Code, string Output) Install(string prefix, params string[] extra)
    {
        var build = _scratch.Combine("build");
        Directory.CreateDirectory(Path.Combine(build, "device"));
        File.WriteAllText(Path.Combine(build, "device", "DockGateway.Device.dll"), "stand-in");
        return Run(Path.Combine(s_deploy, "install-pi.sh"), ["--prefix", prefix, "--build", build, .. extra]);
    }

    private static (int Code, string Output) Run(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
