using System.Text.RegularExpressions;
using DockGateway.Testing;

namespace DockGateway.Integration.Tests.Packaging;

/// <summary>
/// The four packages of scripts/build-debs.sh, built once per test run: the folder <c>$DOCKGW_TEST_DEBS</c> names
/// (./test.sh builds them there before the tests), or, when it is unset, built here on first use into a temporary
/// folder deleted when the test run ends.
/// </summary>
internal static partial class BuiltDebs
{
    public const string EnvironmentVariable = "DOCKGW_TEST_DEBS";
    private static readonly Lazy<string> s_folder = new(Locate);

    /// <summary>The product version, from Directory.Build.props (the one place it is set).</summary>
    public static string Version { get; } =
        VersionElement().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"))).Groups[1].Value;

    /// <summary>The path of <paramref name="package"/>'s .deb for <paramref name="architecture"/> (arm64 or amd64).</summary>
    public static string Of(string package, string architecture)
    {
        var deb = Path.Combine(s_folder.Value, $"{package}_{Version}_{architecture}.deb");
        return File.Exists(deb) ? deb : throw new FileNotFoundException($"{deb} was not built (scripts/build-debs.sh)", deb);
    }

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var folder = Directory.CreateTempSubdirectory("dockgw-debs-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var (code, output) = HostCommand.Run([Path.Combine(RepoPaths.Root, "scripts", "build-debs.sh"), "--out", folder], timeout: TimeSpan.FromMinutes(20));
        return code == 0 ? folder : throw new InvalidOperationException($"scripts/build-debs.sh exited {code}:\n{output}");
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
