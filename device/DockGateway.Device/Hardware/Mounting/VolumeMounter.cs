using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Libc = DockGateway.Device.Interop.Interop.Libc;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>
/// Mounts a recorder's volume nosuid,nodev,noexec,noatime under the private run directory: through
/// the kernel when it has the filesystem and mount(2) is allowed, otherwise through FUSE (fusefat,
/// mount.exfat-fuse). The filesystem is identified from the boot sector, never trusted from the device.
/// </summary>
public sealed class VolumeMounter(IOptions<DockHardwareOptions> options, ILogger<VolumeMounter> logger)
{
    internal const uint SafeFlags = Libc.MS_NOSUID | Libc.MS_NODEV | Libc.MS_NOEXEC | Libc.MS_NOATIME;
    internal static readonly string[] SafeOptions = ["nosuid", "nodev", "noexec"];

    private readonly VolumeMountOptions _mount = options.Value.Mount;

    /// <summary>Mounts <paramref name="devicePath"/> for <paramref name="slot"/>; write-protected media mount read-only.</summary>
    public async Task<MountedVolume> MountAsync(int slot, string devicePath, bool writeProtected, CancellationToken cancellationToken)
    {
        var kind = FileSystemProbe.Identify(devicePath);
        if (kind == FileSystemKind.Unknown)
        {
            throw new MountException($"{devicePath} holds neither FAT32 nor exFAT (boot sector not recognised): not mounted");
        }

        var mountPoint = PrepareMountPoint(slot);
        var useKernel = _mount.Method == MountMethod.Kernel
            || (_mount.Method == MountMethod.Auto && FileSystemProbe.KernelSupports(kind));
        MountedVolume? volume = null;
        if (useKernel)
        {
            volume = await KernelMount.TryMountAsync(devicePath, mountPoint, kind, writeProtected, _mount, logger, cancellationToken);
            if (volume is null && _mount.Method == MountMethod.Kernel)
            {
                throw new MountException($"The kernel refused to mount {devicePath} on {mountPoint} and Dock:Hardware:Mount:Method is Kernel");
            }
        }

        volume ??= await FuseMount.MountAsync(devicePath, mountPoint, kind, writeProtected, _mount, logger, cancellationToken);
        await EnforceSafeOptionsAsync(volume);
        logger.LogInformation(
            "Slot {Slot}: mounted {Device} ({FileSystem}) on {MountPoint} via {Method}{ReadOnly}",
            slot, devicePath, kind, mountPoint, volume.Method, volume.IsReadOnly ? " read-only" : string.Empty);
        return volume;
    }

    private string PrepareMountPoint(int slot)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("recorder volumes are mounted on Linux only");
        }

        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var run = Directory.CreateDirectory(options.Value.RunDirectory, Private);
        File.SetUnixFileMode(run.FullName, Private);
        var mounts = Directory.CreateDirectory(Path.Combine(run.FullName, "mnt"), Private);
        File.SetUnixFileMode(mounts.FullName, Private);
        var mountPoint = Path.Combine(mounts.FullName, $"slot-{slot}");
        if (MountTable.Find(mountPoint) is not null)
        {
            logger.LogWarning("Slot {Slot}: {MountPoint} was still mounted; detaching the stale mount", slot, mountPoint);
            _ = Libc.umount2(mountPoint, Libc.MNT_DETACH);
        }

        Directory.CreateDirectory(mountPoint, Private);
        if (Directory.EnumerateFileSystemEntries(mountPoint).Any())
        {
            throw new MountException($"Mount point {mountPoint} is not empty: refusing to mount over it");
        }

        return mountPoint;
    }

    /// <summary>
    /// Some FUSE drivers drop noexec/noatime (mount.exfat-fuse does): re-apply the flags with a bind
    /// remount, and refuse the volume if nosuid,nodev,noexec still do not hold.
    /// </summary>
    private async Task EnforceSafeOptionsAsync(MountedVolume volume)
    {
        var entry = MountTable.Find(volume.RootPath);
        if (entry is not null && SafeOptions.All(entry.Options.Contains) && entry.Options.Contains("noatime"))
        {
            return;
        }

        var flags = Libc.MS_REMOUNT | Libc.MS_BIND | SafeFlags | (volume.IsReadOnly ? Libc.MS_RDONLY : 0);
        if (Libc.mount(null, volume.RootPath, null, flags, null) != 0)
        {
            logger.LogWarning(
                "Could not remount {MountPoint} with safe flags: {Error}", volume.RootPath, Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        entry = MountTable.Find(volume.RootPath);
        if (entry is null || !SafeOptions.All(entry.Options.Contains))
        {
            await volume.DisposeAsync();
            throw new MountException(
                $"{volume.RootPath} is not mounted nosuid,nodev,noexec (options: {string.Join(',', entry?.Options ?? new HashSet<string>())}): refusing to read it");
        }
    }
}
