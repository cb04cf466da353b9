using System.Text.Json;
using DockGateway.Cloud.Fleet;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>
/// The cloud is stopped, a dock raises an alert (QoS 1 event) meanwhile, the cloud starts again with the
/// same <c>Cloud:Mqtt:ClientId</c>. With <c>Cloud:Mqtt:CleanSession=false</c> the broker queued the event
/// for it; with a clean session (the control) the event is gone.
/// </summary>
public sealed class FleetSessionTests
{
    [RequiresFact(Needs.Mosquitto)]
    public async Task With_a_persistent_session_an_alert_raised_while_the_cloud_was_stopped_reaches_the_alert_list()
    {
        var alerts = await AlertsAfterAnOutageAsync(cleanSession: false, afterRestart: (client, path) => client.EventuallyAsync(path, a => a.GetArrayLength() == 1));

        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("overdue", alert.GetProperty("kind").GetString());
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task With_a_clean_session_an_alert_raised_while_the_cloud_was_stopped_is_lost()
    {
        var alerts = await AlertsAfterAnOutageAsync(cleanSession: true, afterRestart: async (client, path) =>
        {
            await Task.Delay(1000); // the subscription is live (probed); give a queued message time to show
            return await client.EventuallyAsync(path, _ => true);
        });

        Assert.Equal(0, alerts.GetArrayLength());
    }

    private static async Task<JsonElement> AlertsAfterAnOutageAsync(bool cleanSession, Func<HttpClient, string, Task<JsonElement>> afterRestart)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var shared = Directory.CreateTempSubdirectory("dockgw-fleet-session-").FullName;
        try
        {
            var settings = FleetProbe.Settings(
                broker,
                ("Cloud:DataDirectory", shared),
                ("Cloud:Mqtt:ClientId", "dockgw-cloud-session-test"),
                ("Cloud:Mqtt:CleanSession", cleanSession ? "true" : "false"));
            string adminToken, agency, dockId;
            await using (var first = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings))
            {
                adminToken = first.AdminToken;
                using var enrolled = await TestDock.EnrolAsync(first);
                (agency, dockId) = (enrolled.Agency, enrolled.DockId);
                await FleetProbe.WaitUntilSubscribedAsync(broker, first.Services.GetRequiredService<FleetCounters>());
            }

            // The cloud is away (it sent DISCONNECT): the dock's alert gets the broker's PUBACK all the same.
            await using (var dock = await SimulatedDock.ConnectAsync(broker, agency, dockId))
            {
                await dock.PublishEventAsync("overdue", "custody:9");
            }

            await using var restarted = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite, settings);
            await FleetProbe.WaitUntilSubscribedAsync(broker, restarted.Services.GetRequiredService<FleetCounters>());
            using var client = restarted.Client(adminToken);
            return await afterRestart(client, $"/api/v1/agencies/{agency}/alerts");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(shared, recursive: true);
        }
    }
}
