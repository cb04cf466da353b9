using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

public sealed class FleetInstancesTests
{
    [RequiresFact(Needs.Mosquitto, Needs.Postgres)]
    public async Task Two_cloud_instances_on_one_database_keep_each_alert_once_and_a_restart_keeps_the_fleet()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var database = await PostgresTestDatabase.CreateAsync("instances"); // several instances share PostgreSQL, never a SQLite file
        var shared = Directory.CreateTempSubdirectory("dockgw-fleet-shared-").FullName;
        try
        {
            var settings = FleetProbe.Settings(broker, ("Cloud:DataDirectory", shared), ("Cloud:Database:Postgres", database.ConnectionString));
            string adminToken, agency, dockId;
            await using (var first = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings))
            await using (var second = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings))
            {
                adminToken = first.AdminToken; // the second instance found an admin already and stored none
                using var enrolled = await TestDock.EnrolAsync(first);
                (agency, dockId) = (enrolled.Agency, enrolled.DockId);
                var counters = new[] { first, second }.Select(h => h.Services.GetRequiredService<FleetCounters>()).ToArray();
                foreach (var c in counters)
                {
                    await FleetProbe.WaitUntilSubscribedAsync(broker, c);
                }

                await using (var dock = await SimulatedDock.ConnectAsync(broker, agency, dockId))
                {
                    await dock.PublishStatusAsync(version: "3.1.0");
                    await dock.PublishEventAsync("overdue", "custody:5");
                    await dock.PublishEventAsync("overdue", "custody:5"); // redelivered
                }

                using var client = second.Client(adminToken);
                await client.EventuallyAsync($"/api/v1/agencies/{agency}/alerts", a => a.GetArrayLength() == 1);
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (counters.Sum(c => c[FleetOutcome.Applied] + c[FleetOutcome.Duplicate]) < 4 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                await Task.Delay(300); // a copy handled twice would be counted by now
                // Each instance took the status (upsert; status is not a shared subscription); the two copies of the
                // event went through the shared subscription, each to one instance: two event copies, one alert.
                Assert.Equal(1, counters.Sum(c => c[FleetOutcome.Duplicate]));
                Assert.Equal(3, counters.Sum(c => c[FleetOutcome.Applied]));
                Assert.Equal(0, counters.Sum(c => c[FleetOutcome.Failed]));
            }

            // Restarted without a broker: what it serves comes from the database alone.
            await using var restarted = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, new Dictionary<string, string?> { ["Cloud:DataDirectory"] = shared, ["Cloud:Database:Postgres"] = database.ConnectionString });
            using var again = restarted.Client(adminToken);
            var status = await again.EventuallyAsync($"/api/v1/agencies/{agency}/docks/{dockId}/status", _ => true);
            Assert.True(status.Online());
            Assert.Equal("3.1.0", status.GetProperty("version").GetString());
            Assert.Equal(1, (await again.EventuallyAsync($"/api/v1/agencies/{agency}/alerts", _ => true)).GetArrayLength());
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }
}
