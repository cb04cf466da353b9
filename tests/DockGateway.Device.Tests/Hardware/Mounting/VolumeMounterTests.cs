using System.Security.Cryptography;
using DockGateway.Device.Hardware.Mounting;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Mounting;

/// <summary>Real FUSE mounts of real FAT32 and exFAT images (the kernel here has neither vfat nor exfat).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class VolumeMounterTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly VolumeMounter _mounter;

    public VolumeMounterTests()
    {
        _mounter = new VolumeMounter(HardwareTestOptions.For(_scratch), NullLogger<VolumeMounter>.Instance);
    }

    public void Dispose() => _scratch.Dispose();

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Fat32_volume_is_mounted_safely_read_wiped_and_unmounted_leaving_no_media()
    {
        var image = RecorderImage.CreateFat32(_scratch.Combine("fat.img"), RecorderImage.Footage());

        var volume = await _mounter.MountAsync(1, image, writeProtected: false, CancellationToken.None);

        await AssertMountedSafelyWithFootageAsync(volume);
        await WipeAsync(volume);
        Assert.False(volume.IsMounted);
        Assert.False(Directory.Exists(volume.RootPath));
        Assert.Empty(RecorderImage.ListFat(image));
        Tool.Run("fsck.vfat", "-n", image);
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Exfat_volume_is_mounted_safely_read_wiped_and_unmounted_leaving_no_media()
    {
        var image = RecorderImage.CreateExfat(_scratch.Combine("exfat.img"), RecorderImage.Footage());

        var volume = await _mounter.MountAsync(2, image, writeProtected: false, CancellationToken.None);

        Assert.Equal(FileSystemKind.ExFat, volume.Kind);
        await AssertMountedSafelyWithFootageAsync(volume);
        await WipeAsync(volume);
        Assert.False(volume.IsMounted);
        Assert.Empty(RecorderImage.ListExfat(image));
        Tool.Run("fsck.exfat", "-n", image);
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Write_protected_volume_mounts_read_only_and_nothing_can_be_erased()
    {
        var image = RecorderImage.CreateFat32(_scratch.Combine("ro.img"), RecorderImage.Footage());

        var volume = await _mounter.MountAsync(1, image, writeProtected: true, CancellationToken.None);

        Assert.True(volume.IsReadOnly);
        Assert.Contains("ro", MountTable.Find(volume.RootPath)!.Options);
        var file = Directory.EnumerateFiles(volume.RootPath, "*.MP4", SearchOption.AllDirectories).First();
        Assert.ThrowsAny<IOException>(() => File.Delete(file));
        await volume.DisposeAsync();
        Assert.Equal(4, RecorderImage.ListFat(image).Count);
    }

    [RequiresFact(Needs.Mtools, Needs.Fuse, Needs.Root)]
    public async Task Killed_fuse_driver_fails_reads_and_the_mount_is_detached_lazily()
    {
        var image = RecorderImage.CreateFat32(_scratch.Combine("pulled.img"), RecorderImage.Footage());
        var volume = await _mounter.MountAsync(1, image, writeProtected: false, CancellationToken.None);
        var file = Directory.EnumerateFiles(volume.RootPath, "*.MP4", SearchOption.AllDirectories).First();

        System.Diagnostics.Process.GetProcessById(volume.FuseProcessId!.Value).Kill();
        await Task.Delay(200);

        Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(file));
        await volume.DetachAsync();
        Assert.Null(MountTable.Find(volume.RootPath));
        Assert.Equal(4, RecorderImage.ListFat(image).Count);
    }

    [RequiresFact(Needs.Fuse, Needs.Root)]
    public async Task Volume_that_is_neither_fat32_nor_exfat_is_not_mounted()
    {
        var image = _scratch.Combine("zero.img");
        await File.WriteAllBytesAsync(image, new byte[1 << 20]);

        var error = await Assert.ThrowsAsync<MountException>(() => _mounter.MountAsync(1, image, false, CancellationToken.None));

        Assert.Contains("neither FAT32 nor exFAT", error.Message, StringComparison.Ordinal);
        Assert.Contains(image, error.Message, StringComparison.Ordinal);
    }

    // fusefat also shows the FAT volume label as an empty file at the root ("RECORDER"): media are
    // looked for under DCIM, as the ingest path does.
    private static async Task AssertMountedSafelyWithFootageAsync(MountedVolume volume)
    {
        var entry = MountTable.Find(volume.RootPath);
        Assert.NotNull(entry);
        Assert.Superset(new HashSet<string> { "nosuid", "nodev", "noexec", "noatime" }, new HashSet<string>(entry.Options));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(volume.RootPath)!));
        Assert.False(volume.IsReadOnly);

        var expected = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Footage, "SHA256SUMS")))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1].TrimStart('*'), p => p[0]);
        var files = Directory.EnumerateFiles(Path.Combine(volume.RootPath, RecorderImage.MediaFolder)).ToArray();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
            Assert.Equal(expected[Path.GetFileName(file)], hash);
        }
    }

    private static async Task WipeAsync(MountedVolume volume)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(volume.RootPath, RecorderImage.MediaFolder)).ToArray())
        {
            File.Delete(file);
        }

        await volume.FlushAsync(CancellationToken.None);
        await volume.DisposeAsync();
    }
}
