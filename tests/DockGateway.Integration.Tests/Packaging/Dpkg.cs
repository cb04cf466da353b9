namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// The real dpkg of this machine, with a stand-in <c>systemctl</c> first on the PATH the maintainer scripts see, which
/// only records its arguments. "systemd running" is made true for one dpkg run by a private mount namespace whose
/// /run is a fresh tmpfs holding <c>/run/systemd/system</c> (the test the scripts make), so the machine's /run is untouched.
/// </summary>
internal sealed class Dpkg : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dockgw-dpkg-").FullName;

    public Dpkg()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "bin"));
        var systemctl = Path.Combine(_folder, "bin", "systemctl");
        File.WriteAllText(systemctl, $"#!/bin/sh\necho \"$*\" >> '{SystemctlLog}'\n");
        HostCommand.Succeed("chmod", "0755", systemctl);
    }

    private string SystemctlLog => Path.Combine(_folder, "systemctl.log");

    /// <summary>Runs <c>dpkg ARGUMENTS</c>; with <paramref name="systemdRunning"/>, as if systemd were PID 1.</summary>
    public (int ExitCode, string Output) Run(bool systemdRunning, params string[] arguments)
    {
        string[] command = systemdRunning
            ? ["unshare", "--mount", "--propagation", "private", "sh", "-c",
               "mount -t tmpfs -o mode=0755 dockgw-test-run /run && mkdir -p /run/systemd/system && exec \"$@\"", "sh", "dpkg", .. arguments]
            : ["dpkg", .. arguments];
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_folder, "bin") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["DEBIAN_FRONTEND"] = "noninteractive",
        };
        // Another apt or dpkg on this machine holds the lock for a while: wait for it (dpkg itself never waits).
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var result = HostCommand.Run(command, environment);
            if (!result.Output.Contains("lock was locked by another process", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            Thread.Sleep(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The <c>systemctl</c> calls the maintainer scripts made since the last call, and forgets them.</summary>
    public IReadOnlyList<string> TakeSystemctlCalls()
    {
        if (!File.Exists(SystemctlLog))
        {
            return [];
        }

        var calls = File.ReadAllLines(SystemctlLog);
        File.Delete(SystemctlLog);
        return calls;
    }

    /// <summary>dpkg's status of <paramref name="package"/> ("install ok installed", "deinstall ok config-files"), or "" when unknown.</summary>
    public static string Status(string package)
    {
        var (code, output) = HostCommand.Run(["dpkg-query", "--showformat", "${Status} ${Version}", "--show", package]);
        return code == 0 ? output.Trim() : string.Empty;
    }

    /// <summary>A copy of <paramref name="deb"/> with version <paramref name="version"/>, after <paramref name="edit"/> of its unpacked tree.</summary>
    public string Repack(string deb, string version, Action<string> edit)
    {
        var tree = Path.Combine(_folder, "repack-" + version);
        HostCommand.Succeed("dpkg-deb", "--raw-extract", deb, tree);
        var control = Path.Combine(tree, "DEBIAN", "control");
        File.WriteAllLines(control, File.ReadAllLines(control).Select(l => l.StartsWith("Version: ", StringComparison.Ordinal) ? "Version: " + version : l));
        edit(tree);
        var repacked = Path.Combine(_folder, Path.GetFileName(deb).Replace(BuiltDebs.Version, version, StringComparison.Ordinal));
        HostCommand.Succeed("dpkg-deb", "--root-owner-group", "-Znone", "--build", tree, repacked);
        Directory.Delete(tree, recursive: true);
        return repacked;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
