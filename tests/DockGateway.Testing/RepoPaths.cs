namespace DockGateway.Testing;

/// <summary>Locates the repository root and the fixtures committed under <c>tests/fixtures</c>.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Footage => Path.Combine(Root, "tests", "fixtures", "footage");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DockGateway.sln not found above {AppContext.BaseDirectory}");
    }
}
