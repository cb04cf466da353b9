namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>A cloud host on a temporary SQLite file.</summary>
public sealed class SqliteHostFixture() : CloudHostFixture(CloudStorageKind.Sqlite);
