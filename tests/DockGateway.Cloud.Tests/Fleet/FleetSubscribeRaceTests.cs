using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>
/// The fleet subscriber subscribes right after starting its connection, racing the first connect. The
/// whole cloud host is started 20 times against a broker that logs every packet; on each start the broker
/// must have received every fleet filter (status, slots, the shared events filter) exactly once.
/// </summary>
public sealed class FleetSubscribeRaceTests
{
    [RequiresFact(Needs.Mosquitto)]
    public async Task Every_start_of_the_cloud_subscribes_each_fleet_filter_exactly_once()
    {
        await using var broker = await MosquittoBroker.StartAsync(logPackets: true);
        var filters = FleetTopic.Filters(new FleetOptions().TopicRoot, new FleetOptions().ShareGroup);
        Assert.Contains(filters, f => f.StartsWith("$share/dockgateway-cloud/", StringComparison.Ordinal));
        var problems = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var clientId = $"cloud-race-{i}";
            await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, FleetProbe.Settings(broker, ("Cloud:Mqtt:ClientId", clientId)));
            if (await MosquittoLog.ProblemWithSubscribesAsync(broker, clientId, filters, TimeSpan.FromSeconds(10)) is { } problem)
            {
                problems.Add(problem);
            }
        }

        Assert.Empty(problems);
    }
}
