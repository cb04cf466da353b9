using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Broker plus a cloud host on a fresh PostgreSQL database (when <c>DOCKGW_TEST_POSTGRES</c> is set).</summary>
public sealed class PostgresFleetFixture() : FleetHostFixture(CloudStorageKind.Postgres, Needs.Mosquitto, Needs.Postgres);
