using DockGateway.Device.Ingest;
using DockGateway.Device.Slots;
using DockGateway.Device.Tests.Support;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>Step by step, a failure at any point of the ingest never costs a file its only copy.</summary>
public class CustodyInvariantTests
{
    [Fact]
    public async Task Recorder_is_not_wiped_when_the_copy_fails_verification()
    {
        using var dock = new TestDock();
        dock.Hooks.BeforeVerify = stored => File.AppendAllText(stored, "bit rot");
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Error, 0, 4), (status.State, status.Done, status.Errors));
        Assert.Equal(4, Directory.GetFiles(volume).Length);
        Assert.Empty(dock.EntriesOf("ingested"));
        Assert.Empty(dock.EntriesOf("erased"));
        Assert.All(dock.EntriesOf("error"), e => Assert.Equal("verification-failed", (string)e["reason"]!));
        Assert.Equal(4, Directory.GetFiles(dock.Store.QuarantineDirectory).Length);
        Assert.Empty(Directory.GetFiles(dock.Store.FootageDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Recorder_is_not_wiped_when_its_file_changes_while_being_read()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "4096" });
        var volume = dock.NewVolume("r1");
        var file = Path.Combine(volume, "REC_20261120_083012_0001.MP4");
        File.Copy(Path.Combine(DockGateway.Testing.RepoPaths.Footage, "REC_20261120_083012_0001.MP4"), file);
        var changed = false;
        dock.Hooks.AfterChunk = (path, offset) =>
        {
            if (!changed)
            {
                changed = true;
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
                stream.Write("tampered"u8);
            }
        };

        var status = await dock.IngestAsync(volume);

        Assert.Equal(SlotState.Error, status.State);
        Assert.True(File.Exists(file));
        var error = Assert.Single(dock.EntriesOf("error"));
        Assert.Equal("changed-while-reading", (string)error["reason"]!);
        Assert.Empty(dock.EntriesOf("ingested"));
        Assert.Empty(Directory.GetFiles(dock.Store.IncomingDirectory));
    }

    [Fact]
    public async Task Recorder_is_not_wiped_when_the_store_cannot_take_the_copy()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        // The store folder for this recorder is a file: every rename into it fails (works even as root).
        File.WriteAllText(Path.Combine(dock.Store.FootageDirectory, "BC-1001"), "in the way");

        var status = await dock.IngestAsync(volume);

        Assert.Equal((SlotState.Error, 4), (status.State, status.Errors));
        Assert.Equal(4, Directory.GetFiles(volume).Length);
        Assert.All(dock.EntriesOf("error"), e => Assert.Equal("store-failed", (string)e["reason"]!));
        Assert.Empty(Directory.GetFiles(dock.Store.IncomingDirectory));
    }

    [Fact]
    public async Task A_file_ingested_but_not_erased_before_a_crash_is_erased_at_the_next_insertion_without_a_second_copy()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        // The "crash": the process dies right after the ingested entry of the first file is committed.
        dock.Hooks.BeforeErase = _ => throw new CrashException();
        await Assert.ThrowsAsync<CrashException>(() => dock.IngestAsync(volume));
        var first = Assert.Single(dock.EntriesOf("ingested"));
        Assert.Equal(4, Directory.GetFiles(volume).Length);

        dock.Restart();
        var status = await dock.IngestAsync(volume);

        Assert.Equal(SlotState.Done, status.State);
        Assert.Empty(Directory.GetFiles(volume));
        Assert.Equal(4, dock.EntriesOf("ingested").Count);
        var erased = dock.EntriesOf("erased").Single(e => (string)e["sha256"]! == (string)first["sha256"]!);
        Assert.Equal(dock.Entries().FindIndex(e => (string?)e["type"] == "ingested"), (long)erased["ingested"]!);
    }

    [Fact]
    public async Task A_file_ingested_and_erased_but_not_logged_as_erased_is_reconciled_at_the_next_insertion()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        File.WriteAllText(Path.Combine(volume, "REC_20261120_083012_0001.MP4"), "clip");
        dock.Hooks.BeforeErase = path =>
        {
            File.Delete(Path.Combine(volume, path.Display)); // the erase reached the medium...
            throw new CrashException();                       // ...then the power went
        };
        await Assert.ThrowsAsync<CrashException>(() => dock.IngestAsync(volume));

        dock.Restart();
        var status = await dock.IngestAsync(volume);

        Assert.Equal(SlotState.Done, status.State);
        var reconciled = Assert.Single(dock.EntriesOf("reconciled"));
        Assert.Equal("not-on-recorder", (string)reconciled["reason"]!);
        Assert.Empty(dock.Log.PendingErasures("BC-1001"));
    }

    [Fact]
    public async Task Temporary_copies_left_by_a_crash_are_discarded_at_start()
    {
        using var dock = new TestDock();
        var leftover = Path.Combine(dock.Store.IncomingDirectory, "0123.part");
        File.WriteAllText(leftover, "half a file");
        dock.Restart();
        _ = dock.Store;
        Assert.False(File.Exists(leftover));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_recorder_pulled_out_mid_copy_keeps_its_file_and_the_next_insertion_finishes()
    {
        using var dock = new TestDock(new() { ["Dock:CopyBufferBytes"] = "4096" });
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        using var pulled = new CancellationTokenSource();
        dock.Hooks.AfterChunk = (_, _) => pulled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dock.IngestAsync(volume, cancellationToken: pulled.Token));
        Assert.Equal(4, Directory.GetFiles(volume).Length);
        Assert.Empty(dock.EntriesOf("erased"));
        Assert.Empty(Directory.GetFiles(dock.Store.IncomingDirectory));

        dock.Hooks.AfterChunk = null;
        var status = await dock.IngestAsync(volume);
        Assert.Equal(SlotState.Done, status.State);
        Assert.Equal(4, dock.EntriesOf("ingested").Count);
    }

    private sealed class CrashException : Exception;
}
