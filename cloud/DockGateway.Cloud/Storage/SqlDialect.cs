namespace DockGateway.Cloud.Storage;

/// <summary>The SQL engine behind <see cref="ICloudDatabase"/>.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}
