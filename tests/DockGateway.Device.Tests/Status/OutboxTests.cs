using System.Text.Json;
using DockGateway.Device.Status;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Device.Tests.Status;

public sealed class OutboxTests
{
    private static DockEvent Ingested(int i) =>
        new(DockEventKind.Ingested, $"custody:{i}", DateTimeOffset.UnixEpoch.AddSeconds(i)) { Slot = 1, Recorder = "SN1", Sha256 = new string('a', 64), Size = i };

    private static HashSet<string> Keys(MosquittoSubscriber sub) =>
        sub.Lines.Select(l => JsonDocument.Parse(l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]).RootElement.GetProperty("key").GetString()!).ToHashSet();

    [RequiresFact(Needs.Mosquitto)]
    public async Task Events_appended_during_a_broker_outage_are_all_delivered_after_it_returns()
    {
        await using var rig = await StatusTestRig.StartAsync();
        await using var sub = await MosquittoSubscriber.StartAsync(rig.Broker, rig.Topics.Events, durableClientId: "outbox-test-sub");
        var publisher = rig.NewOutboxPublisher();
        await publisher.StartAsync(CancellationToken.None);

        rig.Outbox.Append(Enumerable.Range(0, 10).Select(Ingested));
        await StatusTestRig.WaitUntilAsync(() => rig.Outbox.QueueLength == 0, "the first events to be acknowledged");

        await rig.Broker.StopAsync();
        await StatusTestRig.WaitUntilAsync(() => !rig.Connection.IsConnected, "the connection to notice the outage");
        var appendTimer = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 10; i < 210; i++)
        {
            Assert.True(rig.Outbox.Append(Ingested(i)));
        }

        appendTimer.Stop();
        await Task.Delay(500);
        Assert.Equal(200, rig.Outbox.QueueLength);

        await rig.Broker.StartAgainAsync();
        await StatusTestRig.WaitUntilAsync(() => rig.Outbox.QueueLength == 0, "every event to be acknowledged after the broker returned");
        await StatusTestRig.WaitUntilAsync(() => Keys(sub).Count == 210, "mosquitto_sub to see all 210 events");
        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 210).Select(i => $"custody:{i}").ToHashSet(), Keys(sub));
        Assert.True(appendTimer.Elapsed < TimeSpan.FromSeconds(10), $"appending 200 events during the outage took {appendTimer.Elapsed}");
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Events_never_acknowledged_before_a_restart_are_published_after_it()
    {
        await using var rig = await StatusTestRig.StartAsync();
        await rig.Broker.StopAsync();
        var first = rig.NewOutboxPublisher();
        await first.StartAsync(CancellationToken.None);
        rig.Outbox.Append(Enumerable.Range(0, 5).Select(Ingested));
        await StatusTestRig.WaitUntilAsync(() => first.Published == 5, "the events to be handed to the MQTT connection");
        await first.StopAsync(CancellationToken.None);
        Assert.Equal(5, rig.Outbox.QueueLength); // no PUBACK, so none is marked sent

        rig.ReopenOutbox();
        await rig.Broker.StartAgainAsync();
        await using var sub = await MosquittoSubscriber.StartAsync(rig.Broker, rig.Topics.Events);
        var second = rig.NewOutboxPublisher();
        await second.StartAsync(CancellationToken.None);
        await StatusTestRig.WaitUntilAsync(() => rig.Outbox.QueueLength == 0, "the events to be acknowledged after the restart");
        await StatusTestRig.WaitUntilAsync(() => Keys(sub).Count == 5, "mosquitto_sub to see the 5 events");
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Appending_an_event_with_a_key_already_present_changes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("dockgw-outbox-").FullName;
        try
        {
            using var outbox = new EventOutbox(Path.Combine(directory, "outbox.db"), "metro", "dock-7", TimeProvider.System);
            Assert.True(outbox.Append(Ingested(3)));
            Assert.False(outbox.Append(Ingested(3)));
            Assert.Equal(1, outbox.QueueLength);
            Assert.Equal(3, outbox.HighestCustodyIndex());

            var unsent = outbox.ReadUnsent(0, 10);
            outbox.MarkSent([unsent[0].Id]);
            Assert.Equal(0, outbox.QueueLength);
            Assert.True(outbox.Append(DockEvent.Create(DockEventKind.Error, DateTimeOffset.UtcNow)));
            outbox.MarkSent([.. outbox.ReadUnsent(0, 10).Select(r => r.Id)]);
            Assert.Equal(0, outbox.PruneSent(TimeSpan.FromDays(1)));
            Assert.Equal(1, outbox.PruneSent(TimeSpan.FromSeconds(-5))); // the newest custody event stays as the replay mark
            Assert.Equal(3, outbox.HighestCustodyIndex());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
