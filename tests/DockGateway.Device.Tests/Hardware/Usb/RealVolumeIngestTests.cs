using DockGateway.Device.Hardware.Mounting;
using DockGateway.Device.Slots;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;
using CoreDock = DockGateway.Device.Tests.Support.TestDock;

namespace DockGateway.Device.Tests.Hardware.Usb;

/// <summary>
/// The whole real path short of USB itself: a fake Pi sysfs tree whose /dev nodes are real FAT32 and
/// exFAT images with the sample footage, mounted for real through FUSE by the USB slot source, then
/// ingested and wiped by the dock core's ingest pipeline.
/// </summary>
public sealed class RealVolumeIngestTests : IDisposable
{
    private readonly TestDock _hardware = new();
    private readonly CoreDock _core = new();

    public void Dispose()
    {
        _core.Dispose();
        _hardware.Dispose();
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Fat32_recorder_is_ingested_verified_and_wiped_leaving_no_media()
    {
        var image = _hardware.Fat32WithFootage("fat32.img");
        _hardware.Sysfs.Plug("1-1.3", 0x2e8a, 0x0003, "CAM-001", "sda", image);

        var status = await IngestInsertedAsync();

        Assert.Equal(SlotState.Done, status.State);
        Assert.Equal(4, _core.EntriesOf("ingested").Count);
        Assert.Equal(4, _core.EntriesOf("erased").Count);
        Assert.Empty(RecorderImage.ListFat(image));
        Assert.Equal(CoreDock.FixtureHashes().Values.Order(), _core.EntriesOf("ingested").Select(e => (string)e["sha256"]!).Order());
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Exfat_recorder_is_ingested_verified_and_wiped_leaving_no_media()
    {
        var image = RecorderImage.CreateExfat(_hardware.Scratch.Combine("exfat.img"), RecorderImage.Footage());
        _hardware.Sysfs.Plug("1-1.4", 0x2e8a, 0x0003, "CAM-001", "sdb", image, superfloppy: false);

        var status = await IngestInsertedAsync();

        Assert.Equal(SlotState.Done, status.State);
        Assert.Equal(4, _core.EntriesOf("erased").Count);
        Assert.Empty(RecorderImage.ListExfat(image));
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Recorder_pulled_out_mid_copy_keeps_all_its_footage_and_the_next_insertion_completes()
    {
        var image = _hardware.Fat32WithFootage("pulled.img");
        _hardware.Sysfs.Plug("1-1.3", 0x2e8a, 0x0003, "CAM-001", "sda", image);
        var first = Assert.IsType<RecorderInserted>(Assert.Single(await _hardware.ScanAsync()));
        var fuse = System.Diagnostics.Process.GetProcessById(((MountedVolume)first.Volume).FuseProcessId!.Value);
        _core.Hooks.AfterChunk = (_, _) =>
        {
            // Yanked mid-copy: the FUSE driver loses its device, sysfs forgets the disk.
            _core.Hooks.AfterChunk = null;
            fuse.Kill();
            fuse.WaitForExit();
        };

        var outcome = await Record.ExceptionAsync(() => _core.Pipeline.IngestAsync(
            first.Slot, first.Recorder, first.Volume, _ => ValueTask.CompletedTask, CancellationToken.None));
        _hardware.Sysfs.Unplug("1-1.3");
        Assert.Equal([new RecorderRemoved(1)], await _hardware.ScanAsync());

        Assert.Empty(_core.EntriesOf("erased"));
        Assert.Equal(4, RecorderImage.ListFat(image).Count);
        Assert.True(outcome is not null || _core.EntriesOf("ingested").Count < 4, "the pull must interrupt the ingest");
        Assert.Empty(_hardware.Mounts());

        _hardware.Sysfs.Plug("1-1.3", 0x2e8a, 0x0003, "CAM-001", "sdb", image);
        var status = await IngestInsertedAsync();

        Assert.Equal(SlotState.Done, status.State);
        Assert.Empty(RecorderImage.ListFat(image));
        Assert.Equal(4, _core.EntriesOf("erased").Count);
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Write_protected_recorder_is_ingested_but_nothing_is_erased()
    {
        var image = _hardware.Fat32WithFootage("locked.img");
        _hardware.Sysfs.Plug("1-1.3", 0x2e8a, 0x0003, "CAM-001", "sda", image, readOnly: true);

        var status = await IngestInsertedAsync();

        Assert.NotEqual(SlotState.Done, status.State);
        Assert.Equal(4, _core.EntriesOf("ingested").Count);
        Assert.Empty(_core.EntriesOf("erased"));
        Assert.Equal(4, RecorderImage.ListFat(image).Count);
    }

    private async Task<SlotStatus> IngestInsertedAsync()
    {
        var inserted = Assert.IsType<RecorderInserted>(Assert.Single(await _hardware.ScanAsync()));
        var status = await _core.Pipeline.IngestAsync(
            inserted.Slot, inserted.Recorder, inserted.Volume, _ => ValueTask.CompletedTask, CancellationToken.None);
        await inserted.Volume.DisposeAsync();
        return status;
    }
}
