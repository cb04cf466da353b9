namespace DockGateway.Device.Hardware.Mounting;

/// <summary>Dock:Hardware:Mount — how recorder volumes are mounted.</summary>
public sealed class VolumeMountOptions
{
    public MountMethod Method { get; set; } = MountMethod.Auto;

    /// <summary>FUSE FAT driver (Debian package fusefat), run in the foreground so the dock owns it.</summary>
    public string FuseFat { get; set; } = "fusefat";

    /// <summary>FUSE exFAT driver (Debian package exfat-fuse).</summary>
    public string ExfatFuse { get; set; } = "mount.exfat-fuse";

    /// <summary>Unmounts FUSE file systems (Debian package fuse3).</summary>
    public string Fusermount { get; set; } = "fusermount";

    /// <summary>Attaches image files to loop devices when a driver needs a block device (util-linux).</summary>
    public string Losetup { get; set; } = "losetup";

    /// <summary>How long a mount or an unmount may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
