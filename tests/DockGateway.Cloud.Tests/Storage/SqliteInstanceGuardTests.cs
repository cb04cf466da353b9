using DockGateway.Cloud.Hosting;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Storage;

/// <summary>Issue 12 item 3: two serving instances on one SQLite file refuse to start; after the first stops, one may.</summary>
public sealed class SqliteInstanceGuardTests
{
    [Fact]
    public async Task A_second_instance_on_the_same_SQLite_file_stops_at_start_naming_the_file_and_the_keys()
    {
        var shared = Directory.CreateTempSubdirectory("dockgw-sqlite-guard-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Cloud:DataDirectory"] = shared };
            await using (var first = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings))
            {
                var refused = await Assert.ThrowsAsync<StartupRefusedException>(() => CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings));

                Assert.Contains(Path.Combine(shared, "cloud.db"), refused.Message, StringComparison.Ordinal);
                Assert.Contains("Cloud:DataDirectory / Cloud:Database:SqliteFile", refused.Message, StringComparison.Ordinal);
                Assert.Contains("Cloud:Database:Postgres", refused.Message, StringComparison.Ordinal);
                using var client = first.Client();
                Assert.True((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode); // the first serves on
            }

            await using var next = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings); // the lock went with the first
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(shared, recursive: true);
        }
    }
}
