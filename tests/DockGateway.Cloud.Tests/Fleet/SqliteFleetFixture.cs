using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Broker plus a cloud host on a temporary SQLite file.</summary>
public sealed class SqliteFleetFixture() : FleetHostFixture(CloudStorageKind.Sqlite, Needs.Mosquitto);
