using DockGateway.Testing;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// A fact that needs Node.js and tus-js-client installed next to <c>TusJs/upload.mjs</c>
/// (<c>npm install --prefix tests/DockGateway.Cloud.Tests/Uploads/TusJs</c>); skipped, saying so, otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TusJsClientFactAttribute : FactAttribute
{
    public TusJsClientFactAttribute()
    {
        if (Requirements.Find("node") is null)
        {
            Skip = "'node' is not installed: the tus-js-client interop test needs Node.js";
        }
        else if (!File.Exists(Path.Combine(Directory, "node_modules", "tus-js-client", "package.json")))
        {
            Skip = $"tus-js-client is not installed: run 'npm install --prefix {Directory}'";
        }
    }

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "DockGateway.Cloud.Tests", "Uploads", "TusJs");
}
