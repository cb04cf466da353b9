using System.Collections.Frozen;
using System.Text;

namespace DockGateway.Cloud.Console;

/// <summary>The console's files, embedded under the logical name <c>console/&lt;path&gt;</c> (see the project file), read once.</summary>
public static class ConsoleAssets
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, byte[]> s_files = typeof(ConsoleAssets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..], Read, StringComparer.Ordinal);

    /// <summary>The shell page (<c>index.html</c>) as text.</summary>
    public static string Shell { get; } = Encoding.UTF8.GetString(
        s_files.GetValueOrDefault("index.html") ?? throw new InvalidOperationException("The embedded console shell is missing from the build."));

    public static IEnumerable<string> Names => s_files.Keys;

    public static bool TryGet(string path, out string contentType, out byte[] content)
    {
        // The vendored scripts' LICENSE files and vendor/README.md (versions and SHA-256 sums) are served as text.
        contentType = Path.GetFileName(path) == "LICENSE" ? "text/plain; charset=utf-8" : Path.GetExtension(path) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".html" => "text/html; charset=utf-8",
            ".md" => "text/markdown; charset=utf-8",
            _ => string.Empty,
        };
        return s_files.TryGetValue(path, out content!) && contentType.Length > 0;
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
