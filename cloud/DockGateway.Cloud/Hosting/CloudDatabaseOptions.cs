namespace DockGateway.Cloud.Hosting;

/// <summary>The <c>Cloud:Database</c> configuration section.</summary>
public sealed class CloudDatabaseOptions
{
    /// <summary><c>Cloud:Database:Postgres</c>: an Npgsql connection string. When set, PostgreSQL is
    /// used instead of the SQLite file.</summary>
    public string? Postgres { get; set; }

    /// <summary><c>Cloud:Database:SqliteFile</c>: the SQLite file name, relative to the data directory;
    /// default <c>cloud.db</c>.</summary>
    public string SqliteFile { get; set; } = "cloud.db";
}
