using DockGateway.Testing;
using Xunit;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// The amd64 packages installed, upgraded, removed and purged on this machine with its real dpkg (a Debian 12
/// container, root, systemd not PID 1), each test leaving the machine as found: it refuses to run where the
/// package is already present, and compares users, groups, dpkg's status and the package's paths before and after.
/// </summary>
[Collection(DpkgCollection.Name)]
public sealed class DpkgLifecycleTests : IDisposable
{
    private const string Architecture = "amd64";
    private readonly Dpkg _dpkg = new();

    public void Dispose() => _dpkg.Dispose();

    [RequiresTheory(Needs.Dpkg, Needs.Root)]
    [InlineData("dockgateway")]
    [InlineData("dockgateway-cloud")]
    public void Install_then_purge_leaves_the_machine_as_found(string package)
    {
        var before = MachineSnapshot.Take(package);
        before.AssertPristine(package);
        try
        {
            var (code, output) = _dpkg.Run(false, "--install", BuiltDebs.Of(package, Architecture));
            Assert.True(code == 0, output);
            Assert.Equal($"install ok installed {BuiltDebs.Version}", Dpkg.Status(package));
            Assert.True(Directory.Exists($"/var/lib/{package}"));

            (code, output) = _dpkg.Run(false, "--purge", package);

            Assert.True(code == 0, output);
            Assert.Empty(_dpkg.TakeSystemctlCalls());
            Assert.Equal(before, MachineSnapshot.Take(package));
        }
        finally
        {
            PackageCleanup.Restore(package, before);
        }
    }

    [RequiresFact(Needs.Dpkg, Needs.Root)]
    public void Dock_package_upgrade_keeps_data_and_the_edited_conffile_remove_keeps_config_purge_keeps_evidence()
    {
        const string package = "dockgateway";
        var before = MachineSnapshot.Take(package);
        before.AssertPristine(package);
        try
        {
            var deb = BuiltDebs.Of(package, Architecture);
            var (code, output) = _dpkg.Run(false, "--install", deb);
            Assert.True(code == 0, output);
            Assert.Empty(_dpkg.TakeSystemctlCalls());
            Assert.Contains("systemctl enable --now dockgateway", output, StringComparison.Ordinal);
            Assert.Equal(BuiltDebs.Version, HostCommand.Succeed("/usr/bin/dockctl", "--version").Trim());
            Assert.Equal(BuiltDebs.Version, HostCommand.Succeed("/usr/lib/dockgateway/DockGateway.Device", "--version").Trim());
            Assert.Equal("700 root:root", Stat("/var/lib/dockgateway"));
            Assert.Equal("700 root:root", Stat("/etc/dockgateway"));
            Assert.Equal("600 root:root", Stat("/etc/dockgateway/dockgateway.json"));
            var (evidence, conffile, edited) = EvidenceAndEditedConffile("/var/lib/dockgateway/custody.db", "/etc/dockgateway/dockgateway.json", "\"dock-1\"", "\"dock-edited\"");

            var upgrade = Upgrade(deb, package);
            Assert.Equal(["daemon-reload", "try-restart dockgateway.service"], _dpkg.TakeSystemctlCalls());
            Assert.Equal(edited, File.ReadAllText(conffile));
            Assert.Equal(evidence, File.ReadAllBytes("/var/lib/dockgateway/custody.db"));
            Assert.Equal("700 root:root", Stat("/var/lib/dockgateway"));

            (code, output) = _dpkg.Run(true, "--remove", package);
            Assert.True(code == 0, output);
            Assert.Equal($"deinstall ok config-files {upgrade}", Dpkg.Status(package));
            Assert.Equal(["stop dockgateway.service", "daemon-reload"], _dpkg.TakeSystemctlCalls());
            Assert.False(Directory.Exists("/usr/lib/dockgateway"));
            Assert.Null(new FileInfo("/usr/bin/dockctl").LinkTarget);
            Assert.False(File.Exists("/lib/systemd/system/dockgateway.service"));
            Assert.Equal(edited, File.ReadAllText(conffile));

            var enabled = EnableAsAnAdminWould(package);
            (code, output) = _dpkg.Run(false, "--purge", package);
            Assert.True(code == 0, output);
            Assert.Equal(string.Empty, Dpkg.Status(package));
            Assert.False(Directory.Exists("/etc/dockgateway"));
            Assert.Null(new FileInfo(enabled).LinkTarget);
            Assert.Equal(evidence, File.ReadAllBytes("/var/lib/dockgateway/custody.db"));
            Assert.Contains("kept /var/lib/dockgateway", output, StringComparison.Ordinal);
        }
        finally
        {
            PackageCleanup.Restore(package, before);
        }

        Assert.Equal(before, MachineSnapshot.Take(package));
    }

    /// <summary>Installs the repacked <paramref name="deb"/> with a higher version (and a changed unit) as systemd would see it; returns the version.</summary>
    private string Upgrade(string deb, string package)
    {
        var version = BuiltDebs.Version + "+upgrade1";
        var unit = $"lib/systemd/system/{package}.service";
        var upgrade = _dpkg.Repack(deb, version, tree => File.AppendAllText(Path.Combine(tree, unit), "# upgraded\n"));
        var (code, output) = _dpkg.Run(true, "--install", upgrade);
        Assert.True(code == 0, output);
        Assert.Equal($"install ok installed {version}", Dpkg.Status(package));
        Assert.EndsWith("# upgraded\n", File.ReadAllText("/" + unit), StringComparison.Ordinal);
        return version;
    }

    /// <summary>Writes stand-in evidence to <paramref name="data"/> and replaces <paramref name="from"/> by <paramref name="to"/> in the conffile.</summary>
    internal static (byte[] Evidence, string Conffile, string Edited) EvidenceAndEditedConffile(string data, string conffile, string from, string to)
    {
        var evidence = new byte[4096];
        Random.Shared.NextBytes(evidence);
        File.WriteAllBytes(data, evidence);
        var edited = File.ReadAllText(conffile).Replace(from, to, StringComparison.Ordinal);
        Assert.Contains(to, edited, StringComparison.Ordinal);
        File.WriteAllText(conffile, edited);
        return (evidence, conffile, edited);
    }

    /// <summary>The link <c>systemctl enable</c> makes, made by hand (systemd is not running here).</summary>
    internal static string EnableAsAnAdminWould(string package)
    {
        var link = $"{MachineSnapshot.WantsDirectory}/{package}.service";
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, $"/lib/systemd/system/{package}.service");
        return link;
    }

    internal static string Stat(string path) => HostCommand.Succeed("stat", "--format", "%a %U:%G", path).Trim();
}
