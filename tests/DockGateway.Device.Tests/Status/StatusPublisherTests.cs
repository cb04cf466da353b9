using System.Text.Json;
using DockGateway.Device.Slots;
using DockGateway.Device.Status;
using DockGateway.Testing;
using DockGateway.Testing.Mosquitto;
using Xunit;

namespace DockGateway.Device.Tests.Status;

public sealed class StatusPublisherTests
{
    [RequiresFact(Needs.Mosquitto)]
    public async Task Slot_states_are_retained_so_a_later_subscriber_sees_each_slots_latest_state()
    {
        await using var rig = await StatusTestRig.StartAsync();
        var retained = new RetainedTopics();
        var publisher = rig.NewStatusPublisher(retained);
        var indicator = new MqttSlotIndicator(retained, rig.Topics, TimeProvider.System);
        await publisher.StartAsync(CancellationToken.None);

        await indicator.ShowAsync(new SlotStatus(1, SlotState.Ingesting, "SN-1", 4, 1, 0, "copying"), CancellationToken.None);
        await indicator.ShowAsync(new SlotStatus(2, SlotState.Refused, null, 0, 0, 0, "not a recorder"), CancellationToken.None);
        await indicator.ShowAsync(new SlotStatus(1, SlotState.Done, "SN-1", 4, 4, 0, ""), CancellationToken.None);
        await StatusTestRig.WaitUntilAsync(() => publisher.Publishes >= 3, "status and both slot topics to be published");
        await Task.Delay(300);

        await using var sub = await MosquittoSubscriber.StartAsync(rig.Broker, rig.Topics.Base + "/slots/+");
        var slot1 = await sub.WaitForLineAsync(l => l.StartsWith(rig.Topics.Slot(1) + " ", StringComparison.Ordinal), StatusTestRig.Timeout);
        var slot2 = await sub.WaitForLineAsync(l => l.StartsWith(rig.Topics.Slot(2) + " ", StringComparison.Ordinal), StatusTestRig.Timeout);
        await publisher.StopAsync(CancellationToken.None);

        using var one = JsonDocument.Parse(slot1[(rig.Topics.Slot(1).Length + 1)..]);
        Assert.Equal("done", one.RootElement.GetProperty("state").GetString());
        Assert.Equal(4, one.RootElement.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.False(one.RootElement.TryGetProperty("message", out _));
        using var two = JsonDocument.Parse(slot2[(rig.Topics.Slot(2).Length + 1)..]);
        Assert.Equal("refused", two.RootElement.GetProperty("state").GetString());
        Assert.Equal("not a recorder", two.RootElement.GetProperty("message").GetString());
    }

    [RequiresFact(Needs.Mosquitto)]
    public async Task Status_updates_during_an_outage_are_coalesced_into_the_latest_one()
    {
        await using var rig = await StatusTestRig.StartAsync();
        await rig.Connection.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(StatusTestRig.Timeout);
        var retained = new RetainedTopics();
        var publisher = rig.NewStatusPublisher(retained);
        var indicator = new MqttSlotIndicator(retained, rig.Topics, TimeProvider.System);
        await publisher.StartAsync(CancellationToken.None);
        await StatusTestRig.WaitUntilAsync(() => publisher.Publishes >= 1, "the first status");

        await rig.Broker.StopAsync();
        await StatusTestRig.WaitUntilAsync(() => !rig.Connection.IsConnected, "the outage to be noticed");
        var before = publisher.Publishes;
        for (var done = 0; done <= 100; done++)
        {
            await indicator.ShowAsync(new SlotStatus(3, SlotState.Ingesting, "SN-3", 100, done, 0, ""), CancellationToken.None);
        }

        await Task.Delay(400);
        Assert.Equal(before, publisher.Publishes); // nothing is queued while the broker is away

        await rig.Broker.StartAgainAsync();
        await StatusTestRig.WaitUntilAsync(() => publisher.Publishes >= before + 2, "status and slot 3 to be re-sent after reconnect");
        await publisher.StopAsync(CancellationToken.None);

        // status + slot 3 (and possibly status again on its interval): far fewer than the 101 updates.
        Assert.InRange(publisher.Publishes - before, 2, 4);
        await using var late = await MosquittoSubscriber.StartAsync(rig.Broker, rig.Topics.Slot(3));
        var line = await late.WaitForLineAsync(_ => true, StatusTestRig.Timeout);
        Assert.Contains("\"done\":100", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_topic_many_times_leaves_one_dirty_entry_with_the_latest_payload()
    {
        var retained = new RetainedTopics();
        for (var i = 0; i < 50; i++)
        {
            retained.Set("a/status", [(byte)i]);
        }

        retained.Set("a/slots/1", [1]);
        var dirty = retained.TakeDirty().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(2, dirty.Count);
        Assert.Equal([49], dirty["a/status"]);
        Assert.Empty(retained.TakeDirty());

        retained.MarkAllDirty();
        Assert.Equal(2, retained.TakeDirty().Count);
    }
}
