using System.Diagnostics;
using System.Net.Sockets;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using DockGateway.Testing;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>A recorder is untrusted: each trick gets a specific entry, nothing outside the volume is touched, good files still ingest.</summary>
public class HostileVolumeTests
{
    private static string Good(string volume) => Path.Combine(volume, "REC_20261120_083012_0001.MP4");

    private static void AddGood(string volume) =>
        File.Copy(Path.Combine(RepoPaths.Footage, "REC_20261120_083012_0001.MP4"), Good(volume));

    private static async Task<(TestDock Dock, SlotStatus Status)> Ingest(string volumeName, Action<string, string> arrange, Dictionary<string, string?>? settings = null)
    {
        var dock = new TestDock(settings);
        var volume = dock.NewVolume(volumeName);
        AddGood(volume);
        arrange(volume, dock.Root);
        var status = await dock.IngestAsync(volume);
        Assert.False(File.Exists(Good(volume)), "the good file was not ingested and erased");
        Assert.Single(dock.EntriesOf("ingested"), e => (string)e["path"]! == "REC_20261120_083012_0001.MP4");
        return (dock, status);
    }

    private static string Reason(TestDock dock, string type) => (string)Assert.Single(dock.EntriesOf(type))["reason"]!;

    [Fact]
    public async Task Symlinks_are_refused_never_followed_and_their_targets_stay_untouched()
    {
        string? outside = null;
        var (dock, status) = await Ingest("links", (volume, root) =>
        {
            outside = Path.Combine(root, "outside");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "REC_20261120_000000_0009.MP4"), "secret");
            File.CreateSymbolicLink(Path.Combine(volume, "escape.mp4"), Path.Combine(outside, "REC_20261120_000000_0009.MP4"));
            Directory.CreateSymbolicLink(Path.Combine(volume, "DCIM"), outside);
        });
        using (dock)
        {
            var refused = dock.EntriesOf("refused");
            Assert.Equal(["DCIM", "escape.mp4"], refused.Select(e => (string)e["path"]!).Order());
            Assert.All(refused, e => Assert.Equal("symlink", (string)e["reason"]!));
            Assert.True(File.Exists(Path.Combine(outside!, "REC_20261120_000000_0009.MP4")));
            Assert.Equal((SlotState.Error, 2), (status.State, status.Errors));
        }
    }

    [Fact]
    public async Task Fifos_and_sockets_are_refused_without_blocking()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var (dock, _) = await Ingest("specials", (volume, _) =>
        {
            using (var mkfifo = Process.Start("mkfifo", Path.Combine(volume, "pipe.mp4")))
            {
                mkfifo.WaitForExit();
            }

            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(volume, "sock.mp4")));
        });
        using (dock)
        {
            Assert.Equal(["fifo", "socket"], dock.EntriesOf("refused").Select(e => (string)e["reason"]!).Order());
        }
    }

    [RequiresFact(Needs.Root)]
    public async Task Device_files_are_refused()
    {
        var (dock, _) = await Ingest("devices", (volume, _) =>
        {
            using var mknod = Process.Start("mknod", $"{Path.Combine(volume, "null.mp4")} c 1 3");
            mknod.WaitForExit();
            Assert.Equal(0, mknod.ExitCode);
        });
        using (dock)
        {
            Assert.Equal("device-file", Reason(dock, "refused"));
        }
    }

    [Fact]
    public async Task A_non_utf8_name_is_ingested_with_its_bytes_percent_encoded_and_erased()
    {
        byte[] name = [.. "REC_"u8, 0xFF, 0xFE, .. "_0002.mp4"u8];
        var (dock, status) = await Ingest("bytes", (volume, _) => RawNames.CreateFile(volume, name, "clip"u8.ToArray()));
        using (dock)
        {
            var entry = dock.EntriesOf("ingested").Single(e => (string?)e["path_encoding"] == "percent");
            Assert.StartsWith("REC_%FF%FE_", (string)entry["path"]!, StringComparison.Ordinal);
            Assert.Equal(SlotState.Done, status.State);
            Assert.DoesNotContain((string)entry["stored"]!, "\uFFFD", StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dock.Store.FootageDirectory, (string)entry["stored"]!)));
        }
    }

    [Fact]
    public async Task A_very_long_name_is_ingested_under_a_shortened_stored_name_and_a_too_long_path_is_refused()
    {
        var longName = new string('a', 240) + ".mp4";
        var (dock, _) = await Ingest("long", (volume, _) =>
        {
            File.WriteAllText(Path.Combine(volume, longName), "long clip");
            var deep = Path.Combine(volume, new string('d', 200), new string('e', 200));
            Directory.CreateDirectory(deep);
            File.WriteAllText(Path.Combine(deep, "x.mp4"), "far clip");
        }, new() { ["Dock:MaxPathBytes"] = "300" });
        using (dock)
        {
            var entry = dock.EntriesOf("ingested").Single(e => (string)e["path"]! == longName);
            Assert.True(((string)entry["stored"]!).Length < 150);
            var refused = Assert.Single(dock.EntriesOf("refused"));
            Assert.Equal("path-too-long", (string)refused["reason"]!);
        }
    }

    [Fact]
    public async Task A_deep_tree_is_not_entered_beyond_the_maximum_depth()
    {
        var (dock, _) = await Ingest("deep", (volume, _) =>
        {
            var path = volume;
            for (var i = 0; i < 6; i++)
            {
                path = Path.Combine(path, $"d{i}");
            }

            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "hidden.mp4"), "deep clip");
            File.WriteAllText(Path.Combine(volume, "d0", "d1", "shallow.mp4"), "shallow clip");
        }, new() { ["Dock:MaxDepth"] = "3" });
        using (dock)
        {
            Assert.Equal("too-deep", Reason(dock, "refused"));
            Assert.Contains(dock.EntriesOf("ingested"), e => (string)e["path"]! == "d0/d1/shallow.mp4");
            Assert.DoesNotContain(dock.EntriesOf("ingested"), e => ((string)e["path"]!).EndsWith("hidden.mp4", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_zero_byte_file_gets_an_error_entry_and_stays_on_the_recorder()
    {
        string? empty = null;
        var (dock, status) = await Ingest("zero", (volume, _) => File.WriteAllBytes(empty = Path.Combine(volume, "REC_20261120_083500_0002.MP4"), []));
        using (dock)
        {
            Assert.Equal("zero-byte", Reason(dock, "error"));
            Assert.True(File.Exists(empty));
            Assert.Equal(SlotState.Error, status.State);
        }
    }

    [Fact]
    public async Task A_truncated_mp4_is_still_ingested_with_a_fallback_time()
    {
        var (dock, _) = await Ingest("truncated", (volume, _) =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Footage, "REC_20261120_090540_0002.MP4"));
            File.WriteAllBytes(Path.Combine(volume, "REC_20261120_090540_0002.MP4"), bytes[..(bytes.Length / 3)]);
        });
        using (dock)
        {
            var entry = dock.EntriesOf("ingested").Single(e => (string)e["path"]! == "REC_20261120_090540_0002.MP4");
            Assert.Contains((string)entry["time_source"]!, new[] { "metadata", "filename" });
        }
    }

    [Fact]
    public async Task Non_media_files_are_skipped_and_left_on_the_recorder()
    {
        string? notes = null;
        var (dock, status) = await Ingest("other", (volume, _) => File.WriteAllText(notes = Path.Combine(volume, "notes.txt"), "not footage"));
        using (dock)
        {
            Assert.True(File.Exists(notes));
            Assert.Equal(SlotState.Done, status.State);
            Assert.Empty(dock.EntriesOf("error"));
        }
    }

    [Fact]
    public async Task A_hundred_thousand_files_are_walked_as_a_stream_and_the_good_file_still_ingests()
    {
        var (dock, status) = await Ingest("many", (volume, _) =>
        {
            for (var d = 0; d < 100; d++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(volume, $"f{d:000}")).FullName;
                for (var i = 0; i < 1000; i++)
                {
                    File.Create(Path.Combine(folder, $"{i}.log")).Dispose();
                }
            }
        });
        using (dock)
        {
            Assert.Equal((SlotState.Done, 1), (status.State, status.Files));
        }
    }

    [Fact]
    public async Task A_volume_over_the_entry_limit_stops_the_walk_with_an_error_entry()
    {
        using var dock = new TestDock(new() { ["Dock:MaxEntries"] = "10" });
        var volume = dock.NewVolume("capped");
        for (var i = 0; i < 30; i++)
        {
            File.WriteAllText(Path.Combine(volume, $"REC_20261120_0800{i:00}_{i + 1:0000}.MP4"), $"clip {i}");
        }

        var status = await dock.IngestAsync(volume);

        Assert.Equal("too-many-files", Reason(dock, "error"));
        Assert.Equal(10, dock.EntriesOf("ingested").Count);
        Assert.Equal(20, Directory.GetFiles(volume).Length);
        Assert.Equal(SlotState.Error, status.State);
    }
}
