using System.Security.Cryptography;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Device.Slots;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Usb;

/// <summary>Slot events from a fake Raspberry Pi sysfs tree whose /dev nodes are real FAT32/exFAT images, mounted for real.</summary>
public sealed class UsbSlotSourceTests : IDisposable
{
    private const ushort TestCamera = 0x2e8a;
    private readonly TestDock _dock = new();

    public void Dispose() => _dock.Dispose();

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Registered_recorder_in_a_mapped_slot_is_mounted_and_reported()
    {
        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sda", _dock.Fat32WithFootage("cam.img"));

        var inserted = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal(1, inserted.Slot);
        Assert.Equal(new RecorderIdentity("CAM-001", "Maker", "Body Camera", IsRegistered: true), inserted.Recorder);
        Assert.False(inserted.Volume.IsReadOnly);
        Assert.Equal(4, Directory.EnumerateFiles(Path.Combine(inserted.Volume.RootPath, RecorderImage.MediaFolder)).Count());
        Assert.Equal(new RecorderClock(null, null), inserted.Clock);
        Assert.Empty(await _dock.ScanAsync());
        await inserted.Volume.DisposeAsync();
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Recorder_whose_serial_is_not_registered_is_still_mounted_but_flagged()
    {
        _dock.Sysfs.Plug("1-1.4", TestCamera, 0x0003, "STRANGER-9", "sdb", _dock.Fat32WithFootage("cam.img"), superfloppy: false);

        var inserted = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal(2, inserted.Slot);
        Assert.False(inserted.Recorder.IsRegistered);
        Assert.Single(_dock.Mounts());
        await inserted.Volume.DisposeAsync();
    }

    [Fact]
    public async Task Thumb_drive_is_refused_and_never_mounted()
    {
        var image = _dock.Scratch.Combine("thumb.img");
        await File.WriteAllBytesAsync(image, new byte[4096]);
        _dock.Sysfs.Plug("1-1.3", 0x0781, 0x5567, "4C530001", "sda", image);

        var refused = Assert.IsType<DeviceRefused>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal(1, refused.Slot);
        Assert.Contains("0781:5567", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("not a known recorder", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(_dock.Mounts());
        Assert.Empty(await _dock.ScanAsync());

        _dock.Sysfs.Unplug("1-1.3");
        Assert.Equal([new RecorderRemoved(1)], await _dock.ScanAsync());
    }

    [Fact]
    public async Task Device_on_an_unmapped_port_is_ignored()
    {
        _dock.Sysfs.Plug("1-1.1", TestCamera, 0x0003, "CAM-001", "sda", "/dev/null");

        Assert.Empty(await _dock.ScanAsync());
        Assert.Empty(await _dock.ScanAsync());
    }

    [Fact]
    public async Task Recorder_without_a_fat32_or_exfat_volume_is_an_error_not_a_refusal()
    {
        var image = _dock.Scratch.Combine("blank.img");
        await File.WriteAllBytesAsync(image, new byte[1 << 20]);
        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sda", image);

        var failed = Assert.IsType<RecorderFailed>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal("CAM-001", failed.Recorder.Serial);
        Assert.Equal("no-volume", failed.Reason);
        Assert.Contains("no FAT32 or exFAT", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(_dock.Mounts());
        Assert.Empty(await _dock.ScanAsync());
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Write_protected_recorder_is_mounted_read_only()
    {
        var image = _dock.Fat32WithFootage("locked.img");
        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sda", image, readOnly: true);

        var inserted = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));

        Assert.True(inserted.Volume.IsReadOnly);
        await inserted.Volume.DisposeAsync();
        Assert.Equal(4, RecorderImage.ListFat(image).Count);
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Recorder_pulled_out_mid_copy_loses_nothing_and_the_next_insertion_completes()
    {
        var image = _dock.Fat32WithFootage("cam.img");
        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sda", image);
        var first = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));
        var media = Path.Combine(first.Volume.RootPath, RecorderImage.MediaFolder);
        var copying = File.OpenRead(Directory.EnumerateFiles(media).First());
        var buffer = new byte[4096];
        await copying.ReadExactlyAsync(buffer);

        // The recorder is yanked: its FUSE driver loses the device and sysfs forgets it.
        System.Diagnostics.Process.GetProcessById(((MountedVolume)first.Volume).FuseProcessId!.Value).Kill();
        _dock.Sysfs.Unplug("1-1.3");
        await Assert.ThrowsAnyAsync<IOException>(async () => await copying.ReadExactlyAsync(new byte[1 << 14]));
        await copying.DisposeAsync();

        Assert.Equal([new RecorderRemoved(1)], await _dock.ScanAsync());
        Assert.Empty(_dock.Mounts());
        Assert.Equal(4, RecorderImage.ListFat(image).Count);

        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sdb", image);
        var second = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));
        media = Path.Combine(second.Volume.RootPath, RecorderImage.MediaFolder);
        foreach (var file in Directory.EnumerateFiles(media).ToArray())
        {
            await using (var stream = File.OpenRead(file))
            {
                Assert.Equal(32, (await SHA256.HashDataAsync(stream)).Length);
            }

            File.Delete(file);
        }

        await second.Volume.FlushAsync(CancellationToken.None);
        await second.Volume.DisposeAsync();
        Assert.Empty(RecorderImage.ListFat(image));
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Ambarella_recorder_is_unlocked_by_its_handshake_then_mounted_with_its_device_id()
    {
        _dock.Sysfs.AddUsbDevice("1-1.4", 0x4255, 0x0001, "AMBUSB", "Ambarella", "Vendor mode");

        Assert.Empty(await _dock.ScanAsync());
        Assert.Contains("@ATH;8;00000000;#", _dock.Recorder.Received);
        Assert.Equal("1-1.4", _dock.Recorder.OpenedFor!.Port);

        // After @ATH the recorder re-enumerates as mass storage on the same port.
        _dock.Sysfs.Unplug("1-1.4");
        _dock.Sysfs.Plug("1-1.4", 0x4255, 0x0001, "AMBUSB", "sdc", _dock.Fat32WithFootage("amb.img"));
        var inserted = Assert.IsType<RecorderInserted>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal("AMB-7781", inserted.Recorder.Serial);
        Assert.False(inserted.Recorder.IsRegistered);
        Assert.NotNull(inserted.Clock?.SetTo);
        Assert.Null(inserted.Clock!.Skew);
        await inserted.Volume.DisposeAsync();
    }

    [Fact]
    public async Task Ambarella_recorder_whose_handshake_fails_is_an_error_reported_once()
    {
        _dock.Recorder.Replies["@Ver"] = _ => "nope"u8.ToArray();
        _dock.Sysfs.AddUsbDevice("1-1.3", 0x4255, 0x0001, "AMBUSB");

        var failed = Assert.IsType<RecorderFailed>(Assert.Single(await _dock.ScanAsync()));

        Assert.Equal("handshake-failed", failed.Reason);
        Assert.Contains("vendor handshake", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(await _dock.ScanAsync());
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Watching_notices_a_recorder_plugged_in_later_by_polling()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = _dock.Source.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = events.MoveNextAsync().AsTask();
        await Task.Delay(300);
        Assert.False(next.IsCompleted);

        _dock.Sysfs.Plug("1-1.3", TestCamera, 0x0003, "CAM-001", "sda", _dock.Fat32WithFootage("cam.img"));

        Assert.True(await next);
        var inserted = Assert.IsType<RecorderInserted>(events.Current);
        _dock.Sysfs.Unplug("1-1.3");
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(new RecorderRemoved(1), events.Current);
        Assert.False(((MountedVolume)inserted.Volume).IsMounted);
    }
}
