using System.Text;
using System.Text.Json.Nodes;
using DockGateway.Device.Ingest;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Custody;
using Xunit;

namespace DockGateway.Device.Tests.Custody;

/// <summary>
/// Writes tests/fixtures/custody/entries.jsonl from today's entry builders through a real custody log
/// (run with DOCKGW_WRITE_CUSTODY_FIXTURE=&lt;path&gt;). A one-off tool kept only to record how the fixture was made.
/// </summary>
public class CustodyFixtureGenerator
{
    [Fact]
    public void Write_custody_fixture()
    {
        var target = Environment.GetEnvironmentVariable("DOCKGW_WRITE_CUSTODY_FIXTURE");
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        using var dock = new TestDock();
        var log = dock.Log;
        var registered = new RecorderIdentity("AXN-0042", "Axon", "Body 4");
        var stranger = new RecorderIdentity("ZZ-9", "Wolfcom", "Halo", IsRegistered: false);
        var utf8 = new VolumePath(Encoding.UTF8.GetBytes("DCIM/100/Straße_0001.MP4"));
        var raw = new VolumePath([(byte)'D', (byte)'C', (byte)'I', (byte)'M', (byte)'/', 0xff, 0xfe, (byte)'.', (byte)'m', (byte)'p', (byte)'4']);
        var time = new RecordingTime(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 19, 8, 30, 5, TimeSpan.Zero), RecordingTime.Metadata);
        const string sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        void Tick() => dock.Time.Now += TimeSpan.FromMilliseconds(1234);
        JsonObject Flag(JsonObject entry)
        {
            entry["unregistered"] = true;
            return entry;
        }

        void Add(JsonObject entry)
        {
            log.Append(entry);
            Tick();
        }

        Add(CustodyEntries.Inserted(1, registered));
        Add(CustodyEntries.Inserted(2, registered, new RecorderClock(TimeSpan.FromSeconds(-41.6), new DateTimeOffset(2026, 11, 20, 12, 0, 1, TimeSpan.Zero))));
        Add(Flag(CustodyEntries.Inserted(3, stranger, new RecorderClock(TimeSpan.FromSeconds(3), null))));
        Add(Flag(CustodyEntries.Unregistered(3, stranger)));
        Add(CustodyEntries.DeviceRefused(4, new RecorderIdentity("USB123", "SanDisk", "Cruzer", IsRegistered: false), "no recorder adapter for 0781:5567"));
        Add(CustodyEntries.RecorderFailed(1, registered, "handshake-failed", "timeout after 5 s"));
        Add(CustodyEntries.RecorderFailed(3, stranger, "volume-failed", "mount: wrong fs type"));
        Add(CustodyEntries.Ingested(1, registered, utf8, sha, 1048576, "testagency/AXN-0042/2026-11-19/" + sha + ".mp4", time, late: false));
        Add(Flag(CustodyEntries.Ingested(3, stranger, raw, sha.Replace('9', '1'), 17, "testagency/ZZ-9/2026-11-19/x.mp4", time with { Source = RecordingTime.FileName }, late: true)));
        Add(CustodyEntries.Late(1, registered.Serial, utf8, sha, time.End, TimeSpan.FromHours(27.9)));
        Add(CustodyEntries.Erased(1, registered.Serial, utf8, sha, 7));
        Add(Flag(CustodyEntries.Erased(3, stranger.Serial, raw, sha, 8)));
        Add(CustodyEntries.Duplicate(2, registered.Serial, utf8, sha, 1048576, 7));
        Add(CustodyEntries.Reconciled(1, registered.Serial, utf8, sha, 7, "not-on-recorder"));
        Add(CustodyEntries.Gap(1, registered.Serial, 11, 14));
        Add(CustodyEntries.FileProblem(CustodyEntryTypes.Error, 1, registered.Serial, utf8, "verification-failed", "stored copy hash differs"));
        Add(CustodyEntries.FileProblem(CustodyEntryTypes.Error, 1, registered.Serial, null, "more-problems", "12 more files had problems"));
        Add(CustodyEntries.FileProblem(CustodyEntryTypes.Refused, 1, registered.Serial, raw, "symlink", "a symbolic link: not followed"));
        Add(Flag(CustodyEntries.FileProblem(CustodyEntryTypes.Refused, 3, stranger.Serial, utf8, "too-large", "5 bytes is more than Dock:MaxFileBytes 4")));
        Add(CustodyEntries.DiskLow(2, registered.Serial, 1024, 1073741824));
        Add(CustodyEntries.Removed(1, registered.Serial, complete: true));
        Add(CustodyEntries.Removed(3, stranger.Serial, complete: false));
        // The two entries Sync/UploadWorker.cs and Sync/WitnessLoop.cs build inline, copied field for field.
        Add(new JsonObject
        {
            ["type"] = CustodyEntryTypes.Uploaded,
            ["entry"] = 7L,
            ["sha256"] = sha,
            ["size"] = 1048576L,
            ["upload"] = "https://cloud.example/api/v1/uploads/0f3c",
            ["receipt"] = "dockgateway/upload-receipt/v1\ndock dock-7\nupload 0f3c\nentry 7\nsha256 " + sha + "\nsize 1048576\nreceived 2026-11-20T12:00:30Z\nduplicate false\n\n— cloud.example/receipts AbCdEf==\n",
        });
        Add(new JsonObject { ["type"] = CustodyEntryTypes.Witnessed, ["size"] = 23L, ["witness"] = "cloud.example" });

        var lines = log.Entries(0, log.Size).Select(r => r.JsonText + "\n");
        File.WriteAllText(target, string.Concat(lines), new UTF8Encoding(false));
    }
}
