namespace DockGateway.Cloud.Hosting;

/// <summary>The <c>Cloud</c> configuration section.</summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    /// <summary><c>Cloud:DataDirectory</c>: where the SQLite file (and the default blob store) live.
    /// Relative paths are resolved against the content root; default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    public CloudDatabaseOptions Database { get; set; } = new();

    public CloudHttpOptions Http { get; set; } = new();

    public CloudRatioOptions Ratios { get; set; } = new();
}
