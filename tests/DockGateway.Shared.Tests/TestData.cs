namespace DockGateway.Shared.Tests;

/// <summary>Reads the vector files copied next to the test assembly (folders named TestData).</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));
}
