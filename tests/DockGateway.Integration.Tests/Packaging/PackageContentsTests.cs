using DockGateway.Testing;
using Xunit;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// What <c>dpkg-deb</c> says about each of the four packages: architecture, version, dependencies (Debian 12 /
/// Raspberry Pi OS bookworm packages only), conffiles, the files and their modes, and the machine code inside.
/// </summary>
public sealed class PackageContentsTests
{
    private const string Runtime = "libc6 (>= 2.36), libgcc-s1, libstdc++6, zlib1g, libssl3";

    public static TheoryData<string, string> Packages => new()
    {
        { "dockgateway", "arm64" }, { "dockgateway", "amd64" }, { "dockgateway-cloud", "arm64" }, { "dockgateway-cloud", "amd64" },
    };

    [RequiresTheory(Needs.Dpkg)]
    [MemberData(nameof(Packages))]
    public void Control_fields_name_the_architecture_the_version_and_only_Debian_dependencies(string package, string architecture)
    {
        var deb = BuiltDebs.Of(package, architecture);
        var info = HostCommand.Succeed("dpkg-deb", "--info", deb);

        Assert.Equal($"{package}\n{BuiltDebs.Version}\n{architecture}\n", HostCommand.Succeed("dpkg-deb", "--showformat", "${Package}\n${Version}\n${Architecture}\n", "--show", deb));
        Assert.Equal(
            package == "dockgateway"
                ? $"{Runtime}, libgpiod2 | libgpiod3, libusb-1.0-0, fuse3, fusefat, exfat-fuse, util-linux"
                : $"{Runtime}, adduser",
            HostCommand.Succeed("dpkg-deb", "--field", deb, "Depends").Trim());
        Assert.Contains(" postinst", info, StringComparison.Ordinal);
        Assert.Contains(" prerm", info, StringComparison.Ordinal);
        Assert.Contains(" postrm", info, StringComparison.Ordinal);
        var conffile = package == "dockgateway" ? "/etc/dockgateway/dockgateway.json" : "/etc/dockgateway-cloud/appsettings.json";
        Assert.Equal(conffile, HostCommand.Succeed("dpkg-deb", "--info", deb, "conffiles").Trim());
    }

    [RequiresTheory(Needs.Dpkg)]
    [MemberData(nameof(Packages))]
    public void Files_are_the_self_contained_build_for_the_architecture_with_unit_config_and_documentation(string package, string architecture)
    {
        var deb = BuiltDebs.Of(package, architecture);
        var contents = HostCommand.Succeed("dpkg-deb", "--contents", deb).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string Mode(string path)
        {
            var line = contents.SingleOrDefault(l => l[5] == "." + path);
            return line is null ? $"{path} is not in {deb}" : line[0] + " " + line[1];
        }

        var program = package == "dockgateway" ? "DockGateway.Device" : "DockGateway.Cloud";
        var unit = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", package + ".service"));
        Assert.Equal("-rwxr-xr-x root/root", Mode($"/usr/lib/{package}/{program}"));
        Assert.Equal("-rw-r--r-- root/root", Mode($"/lib/systemd/system/{package}.service"));
        Assert.Contains($"ExecStart=/usr/lib/{package}/{program}", unit);
        var documentation = unit.Single(l => l.StartsWith("Documentation=file://", StringComparison.Ordinal))["Documentation=file://".Length..];
        Assert.Equal("-rw-r--r-- root/root", Mode(documentation));
        Assert.DoesNotContain(contents, l => l[5].EndsWith(".pdb", StringComparison.Ordinal));
        if (package == "dockgateway")
        {
            Assert.Equal("-rwxr-xr-x root/root", Mode("/usr/lib/dockgateway/dockctl"));
            Assert.Equal("-rw------- root/root", Mode("/etc/dockgateway/dockgateway.json"));
            Assert.Contains(contents, l => l[5] == "./usr/bin/dockctl" && l.Length == 8 && l[7] == "../lib/dockgateway/dockctl");
            Assert.Contains(contents, l => l[5] == "./usr/lib/dockgateway/libsodium.so");
        }
        else
        {
            Assert.Equal("-rw-r----- root/root", Mode("/etc/dockgateway-cloud/appsettings.json"));
        }

        Assert.Equal(architecture == "arm64" ? ElfMachine.Aarch64 : ElfMachine.X86_64, ElfMachine.Of(deb, $"/usr/lib/{package}/{program}"));
    }
}
