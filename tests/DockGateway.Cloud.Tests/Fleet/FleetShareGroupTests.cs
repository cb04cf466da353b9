using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>
/// Two cloud instances on one database in the same <c>Cloud:Fleet:ShareGroup</c>: the broker hands each
/// dock event to one of them, so each handles a part, the parts are disjoint (no event is a duplicate)
/// and together they are every event.
/// </summary>
public sealed class FleetShareGroupTests
{
    private const int Events = 40;

    [RequiresFact(Needs.Mosquitto, Needs.Postgres)]
    public async Task Two_instances_in_one_share_group_each_handle_a_disjoint_part_of_the_events_and_together_all()
    {
        await using var broker = await MosquittoBroker.StartAsync(logPackets: true);
        await using var database = await PostgresTestDatabase.CreateAsync("share"); // several instances share PostgreSQL, never a SQLite file
        var shared = Directory.CreateTempSubdirectory("dockgw-fleet-share-").FullName;
        try
        {
            var filters = FleetTopic.Filters(new FleetOptions().TopicRoot, "split-test");
            await using var first = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, Settings(broker, shared, database, "share-a"));
            await using var second = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, Settings(broker, shared, database, "share-b"));
            foreach (var clientId in new[] { "share-a", "share-b" })
            {
                // Both instances' shared events subscription is in place before the dock publishes.
                Assert.Null(await MosquittoLog.ProblemWithSubscribesAsync(broker, clientId, filters, TimeSpan.FromSeconds(15)));
            }

            using var enrolled = await TestDock.EnrolAsync(first);
            var counters = new[] { first, second }.Select(h => h.Services.GetRequiredService<FleetCounters>()).ToArray();
            var before = counters.Select(c => (Applied: c[FleetOutcome.Applied], Duplicate: c[FleetOutcome.Duplicate])).ToArray();
            await using (var dock = await SimulatedDock.ConnectAsync(broker, enrolled.Agency, enrolled.DockId))
            {
                for (var i = 0; i < Events; i++)
                {
                    await dock.PublishEventAsync("overdue", $"custody:{i}");
                }
            }

            using var client = first.Client(first.AdminToken);
            await client.EventuallyAsync($"/api/v1/agencies/{enrolled.Agency}/alerts", a => a.GetArrayLength() == Events);
            await Task.Delay(500); // a copy delivered to both would show up as a duplicate by now

            var applied = counters.Select((c, i) => c[FleetOutcome.Applied] - before[i].Applied).ToArray();
            var duplicates = counters.Select((c, i) => c[FleetOutcome.Duplicate] - before[i].Duplicate).ToArray();
            Assert.Equal([0, 0], duplicates);
            Assert.Equal(Events, applied.Sum());
            Assert.All(applied, a => Assert.InRange(a, 1, Events - 1));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(MosquittoBroker broker, string dataDirectory, PostgresTestDatabase database, string clientId) =>
        FleetProbe.Settings(broker, ("Cloud:DataDirectory", dataDirectory), ("Cloud:Database:Postgres", database.ConnectionString),
            ("Cloud:Mqtt:ClientId", clientId), ("Cloud:Fleet:ShareGroup", "split-test"));
}
