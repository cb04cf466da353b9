using DockGateway.Cloud.Fleet;
using DockGateway.Device.Status;
using DockGateway.Shared.Custody;
using Xunit;

namespace DockGateway.Integration.Tests.Fleet;

/// <summary>The dock's event payloads as the cloud reads them: what an alert needs survives the trip over MQTT.</summary>
public sealed class DockEventContractTests
{
    private static readonly FleetTopic s_events = new("AG1", "dock-1", FleetTopicKind.Events);

    [Fact]
    public void A_gap_keeps_the_missing_file_numbers()
    {
        var report = RoundTrip(12, GapEntry.Between(2, "RB-7", previous: 17, next: 21));
        Assert.Equal(("gap", "custody:12", 2, "RB-7"), (report.Kind, report.Key, report.Slot, report.Recorder));
        Assert.Equal((18L, 20L), (report.MissingFrom, report.MissingTo));
    }

    [Fact]
    public void A_late_recording_keeps_its_file_name()
    {
        var late = new LateEntry(1, "RB-7", "DCIM/100MEDIA/REC_0001.MP4", new string('a', 64), DateTimeOffset.UnixEpoch, 30);
        var report = RoundTrip(3, late);
        Assert.Equal(("late", "DCIM/100MEDIA/REC_0001.MP4", "RB-7"), (report.Kind, report.File, report.Recorder));
        Assert.True(report.IsAlert);
    }

    private static DockEventReport RoundTrip(long index, CustodyEntry entry)
    {
        var dockEvent = CustodyEventMapper.Map(index, entry with { Time = DateTimeOffset.UtcNow }) ?? throw new InvalidOperationException("no event for the entry");
        return DockEventReport.Parse(StatusJson.Event(dockEvent, "AG1", "dock-1"), s_events);
    }
}
