using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

public class IngestPipelineTests
{
    [Fact]
    public async Task Sample_footage_is_copied_verified_logged_and_only_then_erased()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume, "DCIM/100MEDIA");

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Done, 4, 4, 0), (status.State, status.Files, status.Done, status.Errors));
        Assert.Empty(Directory.EnumerateFiles(volume, "*", SearchOption.AllDirectories));
        var expected = TestDock.FixtureHashes();
        var ingested = dock.EntriesOf("ingested");
        Assert.Equal(expected.Values.Order(), ingested.Select(e => (string)e["sha256"]!).Order());
        foreach (var entry in ingested)
        {
            var name = ((string)entry["path"]!).Split('/')[^1];
            Assert.Equal($"DCIM/100MEDIA/{name}", (string)entry["path"]!);
            Assert.Equal(expected[name], (string)entry["sha256"]!);
            Assert.Equal(new FileInfo(Path.Combine(RepoPathsFootage, name)).Length, (long)entry["size"]!);
            Assert.Equal("BC-1001", (string)entry["recorder"]!);
            Assert.Equal("dock-7", (string)entry["dock"]!);
            var stored = Path.Combine(dock.Store.FootageDirectory, (string)entry["stored"]!);
            Assert.Equal(expected[name], TestDock.Sha256(stored));
            Assert.False(Path.IsPathRooted((string)entry["stored"]!));
        }

        // Order per file: ingested is committed before erased, and each erased names its ingested entry.
        var all = dock.Entries();
        foreach (var erased in all.Where(e => (string)e["type"]! == "erased"))
        {
            var index = (long)erased["ingested"]!;
            Assert.True(index < all.IndexOf(erased));
            Assert.Equal((string)erased["sha256"]!, (string)all[(int)index]["sha256"]!);
        }

        Assert.Equal("inserted", (string)all[0]["type"]!);
        Assert.Equal(dock.Log.Size, dock.Log.LatestCheckpoint()!.Size);
        Assert.Empty(Directory.EnumerateFiles(dock.Store.IncomingDirectory));
    }

    [Fact]
    public async Task Recording_times_come_from_mp4_metadata_then_the_file_name_then_file_times()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        File.Copy(Path.Combine(RepoPathsFootage, "AUD_20261120_091500.WAV"), Path.Combine(volume, "memo.wav"));
        File.AppendAllText(Path.Combine(volume, "memo.wav"), "x"); // different content, no date in the name
        File.SetLastWriteTimeUtc(Path.Combine(volume, "memo.wav"), new DateTime(2026, 11, 19, 7, 0, 0, DateTimeKind.Utc));

        await dock.IngestAsync(volume);

        var byName = dock.EntriesOf("ingested").ToDictionary(e => (string)e["path"]!);
        var rec = byName["REC_20261120_083012_0001.MP4"];
        Assert.Equal(("metadata", "2026-11-20T08:30:12Z", "2026-11-20T08:30:15Z"), ((string)rec["time_source"]!, (string)rec["recorded_start"]!, (string)rec["recorded_end"]!));
        Assert.Equal("metadata", (string)byName["REC_20261120_090540_0002.MP4"]["time_source"]!);
        var wav = byName["AUD_20261120_091500.WAV"];
        // 32 000 bytes of 8 kHz 16-bit mono: 2 s long.
        Assert.Equal(("filename", "2026-11-20T09:15:00Z", "2026-11-20T09:15:02Z"), ((string)wav["time_source"]!, (string)wav["recorded_start"]!, (string)wav["recorded_end"]!));
        var memo = byName["memo.wav"];
        Assert.Equal(("filetime", "2026-11-19T06:59:58Z", "2026-11-19T07:00:00Z"), ((string)memo["time_source"]!, (string)memo["recorded_start"]!, (string)memo["recorded_end"]!));
    }

    [Fact]
    public async Task Footage_that_ended_more_than_24_hours_before_ingest_is_flagged_late_with_an_alert_entry()
    {
        using var dock = new TestDock(now: new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);

        await dock.IngestAsync(volume);

        var late = dock.EntriesOf("ingested").Where(e => (bool)e["late"]!).Select(e => (string)e["path"]!).Order();
        // REC_0001 ended 08:30:15 on the 20th (24 h 29 min before); REC_0002 ended 09:05:42 (23 h 54 min before).
        Assert.Equal(["REC_20261120_083012_0001.MP4"], late);
        var alert = Assert.Single(dock.EntriesOf("late"));
        Assert.Equal(("REC_20261120_083012_0001.MP4", 24L), ((string)alert["path"]!, (long)alert["hours_after_end"]!));
    }

    [Fact]
    public async Task A_gap_in_a_recorders_sequence_numbers_is_flagged_across_insertions()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        foreach (var n in new[] { 1, 2, 5 })
        {
            File.WriteAllText(Path.Combine(volume, $"REC_20261120_0800{n:00}_{n:0000}.MP4"), $"clip {n}");
        }

        await dock.IngestAsync(volume);
        var gap = Assert.Single(dock.EntriesOf("gap"));
        Assert.Equal((2L, 5L, 3L, 4L), ((long)gap["previous"]!, (long)gap["next"]!, (long)gap["missing_from"]!, (long)gap["missing_to"]!));

        File.WriteAllText(Path.Combine(volume, "REC_20261120_090000_0006.MP4"), "clip 6");
        await dock.IngestAsync(volume);
        Assert.Single(dock.EntriesOf("gap"));

        File.WriteAllText(Path.Combine(volume, "REC_20261120_100000_0009.MP4"), "clip 9");
        await dock.IngestAsync(volume);
        Assert.Equal((6L, 9L), ((long)dock.EntriesOf("gap")[1]["previous"]!, (long)dock.EntriesOf("gap")[1]["next"]!));
    }

    [Fact]
    public async Task Disk_low_refusal_leaves_the_recorder_untouched_and_shows_an_error()
    {
        using var dock = new TestDock(new() { ["Dock:MinFreeBytes"] = (long.MaxValue / 4).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        var before = Directory.GetFiles(volume).ToDictionary(f => f, TestDock.Sha256);

        var status = await dock.IngestAsync(volume);

        Assert.Equal(SlotState.Error, status.State);
        Assert.Contains("storage low", status.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(volume).ToDictionary(f => f, TestDock.Sha256));
        Assert.Single(dock.EntriesOf("disk-low"));
        Assert.Empty(dock.EntriesOf("ingested"));
        Assert.Empty(Directory.EnumerateFiles(dock.Store.FootageDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Several_slots_ingest_concurrently_and_every_file_is_ingested_once()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "65536" });
        var volumes = Enumerable.Range(1, 4).Select(i => dock.NewVolume($"r{i}")).ToList();
        var hashes = new HashSet<string>();
        for (var i = 0; i < volumes.Count; i++)
        {
            for (var f = 0; f < 5; f++)
            {
                var path = Path.Combine(volumes[i], $"REC_20261120_0{i}0{f}00_{f + 1:0000}.MP4");
                File.WriteAllBytes(path, Random.Shared.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 300_000 + (i * 1000) + f));
                hashes.Add(TestDock.Sha256(path));
            }
        }

        var statuses = await Task.WhenAll(volumes.Select((v, i) => dock.IngestAsync(v, $"BC-{i}", slot: i + 1)));

        Assert.All(statuses, s => Assert.Equal((SlotState.Done, 5), (s.State, s.Done)));
        Assert.Equal(hashes.Order(), dock.EntriesOf("ingested").Select(e => (string)e["sha256"]!).Order());
        Assert.Equal(20, dock.EntriesOf("erased").Count);
        Assert.All(volumes, v => Assert.Empty(Directory.GetFiles(v)));
    }

    [Fact]
    public async Task The_same_footage_in_two_slots_at_once_is_ingested_once_and_erased_from_both()
    {
        using var dock = new TestDock();
        var a = dock.NewVolume("a");
        var b = dock.NewVolume("b");
        TestDock.AddFixtures(a);
        TestDock.AddFixtures(b);

        await Task.WhenAll(dock.IngestAsync(a, "BC-A", 1), dock.IngestAsync(b, "BC-B", 2));

        Assert.Equal(4, dock.EntriesOf("ingested").Count);
        Assert.Equal(8, dock.EntriesOf("erased").Count);
        Assert.Empty(Directory.GetFiles(a));
        Assert.Empty(Directory.GetFiles(b));
        Assert.Equal(4, Directory.GetFiles(dock.Store.FootageDirectory, "*", SearchOption.AllDirectories).Length);
        DuplicatesAreNamedBeforeTheyAreErased(dock, expected: 4);
    }

    [Fact]
    public async Task Footage_already_in_custody_is_named_in_a_committed_entry_before_it_leaves_the_next_recorder()
    {
        using var dock = new TestDock();
        var first = dock.NewVolume("first");
        var second = dock.NewVolume("second");
        TestDock.AddFixtures(first);
        TestDock.AddFixtures(second);

        await dock.IngestAsync(first, "BC-1", 1);
        await dock.IngestAsync(second, "BC-2", 2);

        Assert.Equal(4, dock.EntriesOf("ingested").Count);
        Assert.Empty(Directory.GetFiles(second));
        DuplicatesAreNamedBeforeTheyAreErased(dock, expected: 4);
    }

    /// <summary>Each erasure of another recorder's identical bytes follows a "duplicate" entry naming the same recorder and path.</summary>
    private static void DuplicatesAreNamedBeforeTheyAreErased(TestDock dock, int expected)
    {
        var entries = dock.Entries();
        var duplicates = entries.Select((e, i) => (Entry: e, Index: i)).Where(x => (string?)x.Entry["type"] == "duplicate").ToList();
        Assert.Equal(expected, duplicates.Count);
        foreach (var (entry, index) in duplicates)
        {
            var original = entries[(int)entry["ingested"]!];
            Assert.Equal("ingested", (string?)original["type"]);
            Assert.Equal((string?)original["sha256"], (string?)entry["sha256"]);
            Assert.Contains(entries.Skip(index + 1), e => (string?)e["type"] == "erased"
                && (string?)e["recorder"] == (string?)entry["recorder"] && (string?)e["path"] == (string?)entry["path"]);
        }
    }

    [Fact]
    public async Task A_write_protected_recorder_is_ingested_but_not_wiped()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);

        var status = await dock.IngestAsync(volume, readOnly: true);

        Assert.Equal(SlotState.Error, status.State);
        Assert.Contains("write-protected", status.Message, StringComparison.Ordinal);
        Assert.Equal(4, dock.EntriesOf("ingested").Count);
        Assert.Empty(dock.EntriesOf("erased"));
        Assert.Equal(4, Directory.GetFiles(volume).Length);
    }

    [Fact]
    public async Task An_unregistered_recorder_is_still_ingested_with_every_entry_flagged_and_an_alert()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);

        var status = await dock.IngestAsync(volume, "STRANGER-1", registered: false);

        Assert.Equal(SlotState.Done, status.State);
        Assert.Single(dock.EntriesOf("unregistered"));
        Assert.Equal(4, dock.EntriesOf("ingested").Count);
        Assert.All(dock.Entries(), e => Assert.True((bool?)e["unregistered"] == true || (string)e["type"]! == "unregistered"));
    }

    private static string RepoPathsFootage => DockGateway.Testing.RepoPaths.Footage;

    [Theory]
    [InlineData(1, "done: 1 file ingested and erased")]
    [InlineData(2, "done: 2 files ingested and erased")]
    public async Task The_done_message_counts_files_in_English_grammar(int files, string expected)
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("rec");
        for (var i = 1; i <= files; i++)
        {
            File.WriteAllBytes(Path.Combine(volume, $"CLIP000{i}.MP4"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(1000 + i));
        }

        var status = await dock.IngestAsync(volume);

        Assert.Equal(SlotState.Done, status.State);
        Assert.Equal(expected, status.Message);
    }
}
