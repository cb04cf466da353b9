using System.Text;
using DockGateway.Device.Slots;
using DockGateway.Device.Status;
using DockGateway.Shared.Custody;
using DockGateway.Testing.Custody;
using Xunit;

namespace DockGateway.Device.Tests.Status;

/// <summary>The v1 payloads exactly as documented in the README.</summary>
public sealed class StatusJsonTests
{
    private static readonly DateTimeOffset s_time = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Status_payload_v1()
    {
        var snapshot = new DockStatusSnapshot(1, "metro", "dock-7", true, "1.0.0", "2026-11-20T08:00:00Z", 4500, 123456789,
            new Dictionary<string, long> { ["events"] = 2, ["uploads"] = 5 }, "2026-11-20T09:15:00Z");
        Assert.Equal(
            """{"v":1,"agency":"metro","dock":"dock-7","online":true,"version":"1.0.0","started_at":"2026-11-20T08:00:00Z","uptime_s":4500,"free_disk_bytes":123456789,"queues":{"events":2,"uploads":5},"time":"2026-11-20T09:15:00Z"}""",
            Encoding.UTF8.GetString(StatusJson.Status(snapshot)));
    }

    [Fact]
    public void Offline_will_payload_v1()
    {
        Assert.Equal("""{"v":1,"agency":"metro","dock":"dock-7","online":false}""", Encoding.UTF8.GetString(StatusJson.Offline("metro", "dock-7")));
    }

    [Fact]
    public void Slot_payload_v1()
    {
        var status = new SlotStatus(2, SlotState.Ingesting, "SN-1234", 12, 5, 1, "copying REC_0005.MP4");
        Assert.Equal(
            """{"v":1,"slot":2,"state":"ingesting","recorder":"SN-1234","progress":{"files":12,"done":5,"errors":1},"message":"copying REC_0005.MP4","time":"2026-11-20T09:15:00Z"}""",
            Encoding.UTF8.GetString(StatusJson.Slot(status, s_time)));
    }

    [Fact]
    public void Event_payload_v1_uses_kebab_case_kinds()
    {
        var e = new DockEvent(DockEventKind.DiskLow, "event:1", s_time) { Slot = 3, Message = "free 100 MiB < 256 MiB" };
        Assert.Equal(
            """{"v":1,"key":"event:1","kind":"disk-low","time":"2026-11-20T09:15:00Z","agency":"metro","dock":"dock-7","slot":3,"message":"free 100 MiB < 256 MiB"}""",
            Encoding.UTF8.GetString(StatusJson.Event(e, "metro", "dock-7")));
    }

    [Fact]
    public void Custody_entries_map_to_events_keyed_by_their_index()
    {
        var time = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var ingested = TestEntries.Ingested("ab12", 42, "SN-1/x.mp4") with { Dock = "dock-7", Time = time };
        var e = CustodyEventMapper.Map(17, ingested);
        Assert.NotNull(e);
        Assert.Equal(DockEventKind.Ingested, e.Kind);
        Assert.Equal("custody:17", e.Key);
        Assert.Equal(17, e.CustodyIndex);
        Assert.Equal("DCIM/REC_0001.MP4", e.File);
        Assert.Equal(42, e.Size);
        Assert.Equal(1, e.Slot);
        Assert.Equal(time, e.Time);
        Assert.Null(CustodyEventMapper.Map(18, new ErasedEntry(1, "SN-1", "DCIM/REC_0001.MP4", "ab12", 17)));
        var refused = CustodyEventMapper.Map(19, new RefusedEntry(2, "not-a-recorder", "no adapter", Serial: "USB-9"));
        Assert.Equal((DockEventKind.Refused, "USB-9", "not-a-recorder: no adapter"), (refused!.Kind, refused.Recorder, refused.Message));
    }
}
