namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>Which metadata store a test host runs on.</summary>
public enum CloudStorageKind
{
    Sqlite,
    Postgres,
}
