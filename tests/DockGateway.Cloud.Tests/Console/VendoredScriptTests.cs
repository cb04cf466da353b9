using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DockGateway.Cloud.Console;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The vendored @noble/hashes and @noble/ed25519 files (verify-a-file) are exactly the ones vendor/README.md pins by
/// SHA-256, in the repository and as the cloud serves them; nothing else sits in vendor/, and they import only each other.
/// </summary>
public sealed partial class VendoredScriptTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly string s_vendor = Path.Combine(RepoPaths.Root, "cloud", "DockGateway.Cloud", "Console", "assets", "vendor");

    [Fact]
    public async Task Every_vendored_file_has_the_SHA_256_the_README_pins_on_disk_and_as_served()
    {
        var pinned = Pinned();
        Assert.Contains("noble-hashes/sha2.js", pinned.Keys);
        Assert.Contains("noble-ed25519/index.js", pinned.Keys);
        var present = Directory.GetFiles(s_vendor, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(s_vendor, f).Replace('\\', '/')).Where(f => f != "README.md").Order(StringComparer.Ordinal);
        Assert.Equal(pinned.Keys.Order(StringComparer.Ordinal), present);

        using var client = fixture.Host.Client();
        foreach (var (file, sha256) in pinned)
        {
            Assert.True(sha256 == Sha256(await File.ReadAllBytesAsync(Path.Combine(s_vendor, file))), $"vendor/{file} on disk is not the pinned file");
            var response = await client.GetAsync("/console/vendor/" + file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(sha256 == Sha256(await response.Content.ReadAsByteArrayAsync()), $"vendor/{file} as served is not the pinned file");
        }
    }

    [Fact]
    public void The_vendored_scripts_import_only_relative_vendored_modules()
    {
        foreach (var name in ConsoleAssets.Names.Where(n => n.StartsWith("vendor/", StringComparison.Ordinal) && n.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.True(ConsoleAssets.TryGet(name, out _, out var bytes));
            var code = BlockComment().Replace(System.Text.Encoding.UTF8.GetString(bytes), string.Empty);
            foreach (Match m in Import().Matches(code))
            {
                Assert.StartsWith("./", m.Groups["from"].Value, StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<string, string> Pinned() =>
        PinLine().Matches(File.ReadAllText(Path.Combine(s_vendor, "README.md")))
            .ToDictionary(m => m.Groups["file"].Value, m => m.Groups["sha"].Value, StringComparer.Ordinal);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^(?<sha>[0-9a-f]{64})  (?<file>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex PinLine();

    [GeneratedRegex("/\\*.*?\\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex("^(?:import|export)[^;\\n]*from\\s+[\"'](?<from>[^\"']+)[\"']", RegexOptions.Multiline)]
    private static partial Regex Import();
}
