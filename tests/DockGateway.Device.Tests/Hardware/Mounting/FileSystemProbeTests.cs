using DockGateway.Device.Hardware.Mounting;
using DockGateway.Testing;
using DockGateway.Testing.Volumes;
using Xunit;

namespace DockGateway.Device.Tests.Hardware.Mounting;

public sealed class FileSystemProbeTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [RequiresFact(Needs.Mtools)]
    public void Fat32_image_made_by_mkfs_vfat_is_identified()
    {
        var image = RecorderImage.CreateFat32(_scratch.Combine("fat.img"), []);

        Assert.Equal(FileSystemKind.Fat32, FileSystemProbe.Identify(image));
    }

    [RequiresFact(Needs.Mtools)]
    public void Exfat_image_made_by_mkfs_exfat_is_identified()
    {
        var image = _scratch.Combine("exfat.img");
        using (var stream = File.Create(image))
        {
            stream.SetLength(40 << 20);
        }

        Tool.Run("mkfs.exfat", image);

        Assert.Equal(FileSystemKind.ExFat, FileSystemProbe.Identify(image));
    }

    [Fact]
    public void Sector_without_boot_signature_is_unknown()
    {
        var sector = new byte[512];
        "FAT32   "u8.CopyTo(sector.AsSpan(82));

        Assert.Equal(FileSystemKind.Unknown, FileSystemProbe.Identify(sector));
        sector[510] = 0x55;
        sector[511] = 0xAA;
        Assert.Equal(FileSystemKind.Fat32, FileSystemProbe.Identify(sector));
    }

    [Fact]
    public void Ntfs_and_short_input_are_unknown()
    {
        var sector = new byte[512];
        "NTFS    "u8.CopyTo(sector.AsSpan(3));
        sector[510] = 0x55;
        sector[511] = 0xAA;

        Assert.Equal(FileSystemKind.Unknown, FileSystemProbe.Identify(sector));
        Assert.Equal(FileSystemKind.Unknown, FileSystemProbe.Identify(new byte[100]));
        Assert.Equal(FileSystemKind.Unknown, FileSystemProbe.Identify("/dev/null"));
    }
}
