using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Xunit;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// The amd64 dockgateway-cloud package with this machine's real dpkg: its system user, private state, a configuration
/// the installed cloud really starts with as that user, then upgrade, remove and purge (see <see cref="DpkgLifecycleTests"/>).
/// </summary>
[Collection(DpkgCollection.Name)]
public sealed class CloudPackageLifecycleTests : IDisposable
{
    private const string Package = "dockgateway-cloud";
    private const string Program = "/usr/lib/dockgateway-cloud/DockGateway.Cloud";
    private const string Config = "/etc/dockgateway-cloud";
    private readonly Dpkg _dpkg = new();

    public void Dispose() => _dpkg.Dispose();

    [RequiresFact(Needs.Dpkg, Needs.Root)]
    public async Task Cloud_package_runs_as_its_user_upgrade_keeps_data_and_config_purge_keeps_evidence_and_user()
    {
        var before = MachineSnapshot.Take(Package);
        before.AssertPristine(Package);
        try
        {
            var deb = BuiltDebs.Of(Package, "amd64");
            var (code, output) = _dpkg.Run(true, "--install", deb);
            Assert.True(code == 0, output);
            Assert.Equal(["daemon-reload", "enable --now dockgateway-cloud.service"], _dpkg.TakeSystemctlCalls());
            Assert.Matches(@"^dockgateway-cloud:x:\d{1,3}:\d+:", File.ReadAllLines("/etc/passwd").Single(u => u.StartsWith(Package + ":", StringComparison.Ordinal)));
            Assert.Equal("700 dockgateway-cloud:dockgateway-cloud", DpkgLifecycleTests.Stat("/var/lib/dockgateway-cloud"));
            Assert.Equal("750 root:dockgateway-cloud", DpkgLifecycleTests.Stat(Config));
            Assert.Equal("640 root:dockgateway-cloud", DpkgLifecycleTests.Stat(Config + "/appsettings.json"));
            Assert.Equal(BuiltDebs.Version, HostCommand.Succeed(Program, "--version").Trim());

            // As the unit runs it: its user, the configuration directory as content root.
            (code, output) = HostCommand.Run([Program, "admin-token", "--name", "ops"], user: Package, directory: Config);
            Assert.True(code == 0 && output.Trim().Length >= 32, output);
            await AnswersHealthzAsync();
            Assert.Equal("600 dockgateway-cloud:dockgateway-cloud", DpkgLifecycleTests.Stat("/var/lib/dockgateway-cloud/cloud.db"));
            var database = File.ReadAllBytes("/var/lib/dockgateway-cloud/cloud.db");
            var (_, conffile, edited) = DpkgLifecycleTests.EvidenceAndEditedConffile(
                "/var/lib/dockgateway-cloud/evidence.bin", Config + "/appsettings.json", "127.0.0.1:8080", "127.0.0.1:8181");

            var version = BuiltDebs.Version + "+upgrade1";
            (code, output) = _dpkg.Run(true, "--install", _dpkg.Repack(deb, version, _ => { }));
            Assert.True(code == 0, output);
            Assert.Equal(["daemon-reload", "try-restart dockgateway-cloud.service"], _dpkg.TakeSystemctlCalls());
            Assert.Equal(edited, File.ReadAllText(conffile));
            Assert.Equal("640 root:dockgateway-cloud", DpkgLifecycleTests.Stat(conffile));
            Assert.Equal(database, File.ReadAllBytes("/var/lib/dockgateway-cloud/cloud.db"));

            (code, output) = _dpkg.Run(true, "--remove", Package);
            Assert.True(code == 0, output);
            Assert.Equal(["stop dockgateway-cloud.service", "daemon-reload"], _dpkg.TakeSystemctlCalls());
            Assert.False(Directory.Exists("/usr/lib/dockgateway-cloud"));
            Assert.Equal(edited, File.ReadAllText(conffile));
            Assert.Contains(File.ReadAllLines("/etc/passwd"), u => u.StartsWith(Package + ":", StringComparison.Ordinal));

            var enabled = DpkgLifecycleTests.EnableAsAnAdminWould(Package);
            (code, output) = _dpkg.Run(false, "--purge", Package);
            Assert.True(code == 0, output);
            Assert.Equal(string.Empty, Dpkg.Status(Package));
            Assert.False(Directory.Exists(Config));
            Assert.Null(new FileInfo(enabled).LinkTarget);
            Assert.Equal(database, File.ReadAllBytes("/var/lib/dockgateway-cloud/cloud.db"));
            Assert.Contains("kept /var/lib/dockgateway-cloud and the user dockgateway-cloud", output, StringComparison.Ordinal);
            Assert.Contains(File.ReadAllLines("/etc/passwd"), u => u.StartsWith(Package + ":", StringComparison.Ordinal));
        }
        finally
        {
            PackageCleanup.Restore(Package, before);
        }

        Assert.Equal(before, MachineSnapshot.Take(Package));
    }

    /// <summary>Starts the installed cloud as its user with the packaged configuration (Urls moved to a free port: the environment
    /// overrides appsettings.json) and waits for /healthz.</summary>
    private static async Task AnswersHealthzAsync()
    {
        var port = LoopbackPort.Free();
        var start = HostCommand.Start([Program], new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" }, Package, Config);
        using var cloud = new ChildProcess(start);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(cloud.HasExited, $"the installed cloud exited:\n{cloud.Tail}");
            Assert.True(DateTime.UtcNow < deadline, $"the installed cloud did not answer /healthz:\n{cloud.Tail}");
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        cloud.Stop(TimeSpan.FromSeconds(15));
    }
}
