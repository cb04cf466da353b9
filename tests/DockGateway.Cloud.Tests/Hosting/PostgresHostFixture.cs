using DockGateway.Testing.Postgres;

namespace DockGateway.Cloud.Tests.Hosting;

/// <summary>A cloud host on a fresh PostgreSQL database (when <c>DOCKGW_TEST_POSTGRES</c> is set).</summary>
public sealed class PostgresHostFixture() : CloudHostFixture(CloudStorageKind.Postgres)
{
    protected override bool CanStart => PostgresTestDatabase.ServerConnectionString is not null;
}
