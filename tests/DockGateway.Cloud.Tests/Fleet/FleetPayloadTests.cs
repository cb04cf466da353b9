using System.Text;
using DockGateway.Cloud.Fleet;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Topic and payload parsing without a broker: the dock's schema v1 is read, anything else refused by name.</summary>
public sealed class FleetPayloadTests
{
    private const string Root = "dockgateway/v1";
    private static readonly FleetTopic s_status = new("AG1", "dock-1", FleetTopicKind.Status);

    [Theory]
    [InlineData("dockgateway/v1/AG1/dock-1/status", FleetTopicKind.Status, null)]
    [InlineData("dockgateway/v1/AG1/dock-1/events", FleetTopicKind.Events, null)]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/0", FleetTopicKind.Slot, 0)]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/12", FleetTopicKind.Slot, 12)]
    public void Dock_topics_name_agency_dock_and_slot(string topic, FleetTopicKind kind, int? slot)
    {
        var parsed = FleetTopic.Parse(Root, topic, out var error);
        Assert.Null(error);
        Assert.Equal(new FleetTopic("AG1", "dock-1", kind, slot), parsed);
    }

    [Theory]
    [InlineData("other/v1/AG1/dock-1/status")]
    [InlineData("dockgateway/v1/AG1/status")]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/01")]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/-1")]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/1024")]
    [InlineData("dockgateway/v1/AG1/dock-1/slots/1/extra")]
    [InlineData("dockgateway/v1/AG1/dock-1/config")]
    [InlineData("dockgateway/v1//dock-1/status")]
    public void Other_topics_are_not_dock_topics(string topic)
    {
        Assert.Null(FleetTopic.Parse(Root, topic, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Status_in_the_dock_schema_is_read_and_unknown_keys_are_ignored()
    {
        var report = DockStatusReport.Parse(Utf8("""
            {"v":1,"agency":"AG1","dock":"dock-1","online":true,"version":"1.4.0","started_at":"2026-11-22T01:00:00Z","uptime_s":3600,
             "free_disk_bytes":1000,"queues":{"outbox":3,"uploads":0},"time":"2026-11-22T02:00:00Z","future_key":{"a":[1]}}
            """), s_status);
        Assert.True(report.Online);
        Assert.Equal("1.4.0", report.Version);
        Assert.Equal(3600, report.UptimeS);
        Assert.Equal(3, report.Queues!["outbox"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), report.Time);
    }

    [Fact]
    public void The_will_payload_reads_as_offline()
    {
        var report = DockStatusReport.Parse(Utf8("""{"v":1,"agency":"AG1","dock":"dock-1","online":false}"""), s_status);
        Assert.False(report.Online);
        Assert.Null(report.Version);
    }

    [Theory]
    [InlineData("""{"v":1,"online":true,"dock":"dock-2"}""", "dock")]
    [InlineData("""{"v":1,"online":true,"agency":"AG2"}""", "agency")]
    [InlineData("""{"v":"1","online":true}""", "v")]
    [InlineData("""{"v":1,"online":1}""", "online")]
    [InlineData("""{"v":1,"online":true,"uptime_s":-5}""", "uptime_s")]
    [InlineData("""{"v":1,"online":true,"version":"a\u0000b"}""", "version")]
    [InlineData("""{"v":1,"online":true,"time":"2026-11-22"}""", "time")]
    public void A_bad_status_field_is_refused_by_name(string json, string field)
    {
        var error = Assert.Throws<FleetPayloadException>(() => DockStatusReport.Parse(Utf8(json), s_status));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Slot_in_the_dock_schema_is_read()
    {
        var report = SlotReport.Parse(Utf8("""
            {"v":1,"slot":2,"state":"ingesting","recorder":"RB-1","progress":{"files":5,"done":2,"errors":1},"message":"copying","time":"2026-11-22T02:00:00Z"}
            """), s_status with { Kind = FleetTopicKind.Slot, Slot = 2 });
        Assert.Equal(new SlotReport(2, "ingesting", "RB-1", 5, 2, 1, "copying", new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero)), report);
    }

    [Fact]
    public void Event_in_the_dock_schema_is_read_and_alert_kinds_are_recognised()
    {
        var topic = s_status with { Kind = FleetTopicKind.Events };
        var report = DockEventReport.Parse(Utf8("""
            {"v":1,"key":"custody:7","kind":"disk-low","time":"2026-11-22T02:00:00Z","agency":"AG1","dock":"dock-1","slot":3,"recorder":"RB-1",
             "file":"DCIM/0001.MP4","sha256":"00","size":10,"custody_index":7,"message":"low"}
            """), topic);
        Assert.Equal(("custody:7", "disk-low", 3, "DCIM/0001.MP4"), (report.Key, report.Kind, report.Slot, report.File));
        Assert.True(report.IsAlert);
        Assert.False(DockEventReport.Parse(Utf8("""{"v":1,"key":"k","kind":"ingested","time":"2026-11-22T02:00:00Z"}"""), topic).IsAlert);
        Assert.Equal(1000, DockEventReport.Parse(Utf8($$"""{"v":1,"key":"k","kind":"error","time":"2026-11-22T02:00:00Z","message":"{{new string('m', 5000)}}"}"""), topic).Message!.Length);
    }

    [Fact]
    public void A_gap_event_keeps_its_missing_range_and_a_half_or_inverted_range_is_refused_by_name()
    {
        var topic = s_status with { Kind = FleetTopicKind.Events };
        var gap = DockEventReport.Parse(Utf8("""{"v":1,"key":"custody:9","kind":"gap","time":"2026-11-22T02:00:00Z","recorder":"RB-1","missing_from":18,"missing_to":20}"""), topic);
        Assert.Equal((18L, 20L), (gap.MissingFrom, gap.MissingTo));
        foreach (var range in new[] { "\"missing_from\":18", "\"missing_to\":20", "\"missing_from\":21,\"missing_to\":20" })
        {
            var json = $$"""{"v":1,"key":"custody:9","kind":"gap","time":"2026-11-22T02:00:00Z",{{range}}}""";
            var error = Assert.Throws<FleetPayloadException>(() => DockEventReport.Parse(Utf8(json), topic));
            Assert.Contains("missing_to", error.Message, StringComparison.Ordinal);
        }
    }

    private static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
