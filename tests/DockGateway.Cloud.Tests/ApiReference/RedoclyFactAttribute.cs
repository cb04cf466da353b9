using DockGateway.Testing;
using Xunit;

namespace DockGateway.Cloud.Tests.ApiReference;

/// <summary>
/// A fact that needs Node.js and the pinned @redocly/cli installed in <c>Lint/</c>
/// (<c>npm ci --prefix tests/DockGateway.Cloud.Tests/ApiReference/Lint</c>, which test.sh runs); skipped, saying so, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (Requirements.Find("node") is null)
        {
            Skip = "'node' is not installed: the OpenAPI lint needs Node.js";
        }
        else if (!File.Exists(Cli))
        {
            Skip = $"@redocly/cli is not installed: run 'npm ci --prefix {Directory}'";
        }
    }

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "DockGateway.Cloud.Tests", "ApiReference", "Lint");

    public static string Cli => Path.Combine(Directory, "node_modules", "@redocly", "cli", "bin", "cli.js");
}
