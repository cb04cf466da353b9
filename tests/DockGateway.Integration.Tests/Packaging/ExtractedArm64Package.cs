namespace DockGateway.Integration.Tests.Packaging;

/// <summary>The arm64 dockgateway package's files (<c>dpkg-deb -x</c>), unpacked once for a test class and deleted after.</summary>
public sealed class ExtractedArm64Package : IDisposable
{
    private readonly Lazy<string> _root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("dockgw-arm64-").FullName;
        HostCommand.Succeed("dpkg-deb", "--extract", BuiltDebs.Of("dockgateway", "arm64"), root);
        return root;
    });

    /// <summary>/usr/lib/dockgateway/<paramref name="program"/> as unpacked.</summary>
    public string Program(string program) => Path.Combine(_root.Value, "usr", "lib", "dockgateway", program);

    public void Dispose()
    {
        if (_root.IsValueCreated)
        {
            Directory.Delete(_root.Value, recursive: true);
        }
    }
}
