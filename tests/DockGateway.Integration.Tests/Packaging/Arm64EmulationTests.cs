using System.Diagnostics;
using System.Text.Json;
using DockGateway.Integration.Tests.Custody;
using DockGateway.Integration.Tests.EndToEnd;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// The arm64 package's own programs (the Raspberry Pi build) run here under qemu-aarch64-static: the version, then
/// the arm64 dock in simulation mode against the real mosquitto and the cloud, with the sample footage ingested and
/// uploaded, and the arm64 dockctl exporting and verifying the dock's custody log.
/// </summary>
public sealed class Arm64EmulationTests(ExtractedArm64Package package, ITestOutputHelper output) : IClassFixture<ExtractedArm64Package>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(150);

    [RequiresFact(Needs.Dpkg, Needs.QemuArm64)]
    public void The_arm64_dockctl_and_dock_print_the_version_under_emulation()
    {
        foreach (var program in new[] { "dockctl", "DockGateway.Device" })
        {
            var watch = Stopwatch.StartNew();
            var (code, text) = HostCommand.Run([.. Emulation.Arm64(package.Program(program)), "--version"]);

            Assert.True(code == 0, text);
            Assert.Equal(BuiltDebs.Version, text.Trim());
            output.WriteLine($"arm64 {program} --version under qemu: {watch.Elapsed.TotalSeconds:F1} s");
        }
    }

    [RequiresFact(Needs.Dpkg, Needs.QemuArm64, Needs.Mosquitto)]
    public async Task The_arm64_dock_ingests_and_uploads_the_sample_footage_and_the_arm64_dockctl_verifies_its_log()
    {
        var watch = Stopwatch.StartNew();
        await using var rig = await EndToEndRig.StartAsync();
        var recorder = VirtualRecorder.Create("ARM64-CAM", new Random(64), generatedFiles: 0, maxBytes: 1);
        var expected = recorder.Files.Values.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        rig.StartDock(command: Emulation.Arm64(package.Program("DockGateway.Device")));
        rig.InsertRecorder(1, recorder);

        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done (arm64 dock under qemu)", s_timeout);
        await rig.WaitUntilWitnessedAtRestAsync(expected.Count, s_timeout, settle: TimeSpan.FromSeconds(6)); // the pinned witness key requires the exported checkpoint cosigned
        Assert.Equal(expected, rig.IngestedSha256());
        output.WriteLine($"ingested and uploaded {expected.Count} files under emulation after {watch.Elapsed.TotalSeconds:F0} s");
        rig.Dock!.Stop(TimeSpan.FromSeconds(30));

        var bundle = Path.Combine(Path.GetDirectoryName(rig.Data)!, "bundle");
        var (code, text) = Dockctl("audit", "export", "--data", rig.Data, "--out", bundle);
        Assert.True(code == 0, text);
        using var key = KeyFile.Read(Path.Combine(rig.Data, "dock.key"));
        using var config = JsonDocument.Parse(File.ReadAllText(rig.ConfigFile));
        var witness = config.RootElement.GetProperty("Sync").GetProperty("WitnessKey").GetString()!;
        (code, text) = Dockctl("audit", "verify", bundle, "--key", new NoteSigner(rig.Origin, key).VerifierKey, "--key", witness, "--footage", Path.Combine(rig.Data, "footage"));
        Assert.True(code == 0, text);
        Assert.Contains("RESULT: PASSED", text, StringComparison.Ordinal);
        output.WriteLine($"arm64 end to end under qemu: {watch.Elapsed.TotalSeconds:F0} s");
    }

    private (int ExitCode, string Output) Dockctl(params string[] arguments)
    {
        var result = HostCommand.Run([.. Emulation.Arm64(package.Program("dockctl")), .. arguments], timeout: TimeSpan.FromMinutes(2));
        output.WriteLine($"arm64 dockctl {arguments[0]} {arguments[1]}: exit {result.ExitCode}\n{result.Output}");
        return result;
    }
}
