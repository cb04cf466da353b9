using System.Text;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>
/// Identifies a volume's filesystem from its boot sector, never from what the device claims:
/// exFAT has "EXFAT   " at offset 3; FAT32 has "FAT32   " at offset 82; both end the sector with 0x55AA.
/// </summary>
public static class FileSystemProbe
{
    private const int SectorSize = 512;

    public static FileSystemKind Identify(string devicePath)
    {
        var sector = new byte[SectorSize];
        using (var stream = new FileStream(devicePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None))
        {
            var read = stream.ReadAtLeast(sector, SectorSize, throwOnEndOfStream: false);
            if (read < SectorSize)
            {
                return FileSystemKind.Unknown;
            }
        }

        return Identify(sector);
    }

    public static FileSystemKind Identify(ReadOnlySpan<byte> bootSector)
    {
        if (bootSector.Length < SectorSize || bootSector[510] != 0x55 || bootSector[511] != 0xAA)
        {
            return FileSystemKind.Unknown;
        }

        if (bootSector.Slice(3, 8).SequenceEqual("EXFAT   "u8))
        {
            return FileSystemKind.ExFat;
        }

        return bootSector.Slice(82, 8).SequenceEqual("FAT32   "u8) ? FileSystemKind.Fat32 : FileSystemKind.Unknown;
    }

    /// <summary>The kernel's name for the filesystem type (mount -t).</summary>
    public static string KernelType(FileSystemKind kind) => kind switch
    {
        FileSystemKind.Fat32 => "vfat",
        FileSystemKind.ExFat => "exfat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no kernel filesystem for this kind"),
    };

    /// <summary>Whether the running kernel lists the filesystem in /proc/filesystems.</summary>
    public static bool KernelSupports(FileSystemKind kind)
    {
        const string Table = "/proc/filesystems";
        if (kind == FileSystemKind.Unknown || !File.Exists(Table))
        {
            return false;
        }

        var type = KernelType(kind);
        return File.ReadLines(Table, Encoding.ASCII)
            .Select(l => l.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Any(f => f.Length > 0 && f[^1] == type);
    }
}
