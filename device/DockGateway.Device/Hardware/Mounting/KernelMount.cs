using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Libc = DockGateway.Device.Interop.Interop.Libc;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>mount(2) through the kernel's vfat/exfat drivers, files 0600 and folders 0700 for the service only.</summary>
internal static class KernelMount
{
    /// <summary>The mounted volume, or null when the kernel cannot do it here (no driver, not permitted) and FUSE should.</summary>
    public static async Task<MountedVolume?> TryMountAsync(
        string devicePath, string mountPoint, FileSystemKind kind, bool writeProtected,
        VolumeMountOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var loop = LoopDevice.IsImageFile(devicePath)
            ? await LoopDevice.AttachAsync(devicePath, writeProtected, options, cancellationToken)
            : null;
        var source = loop ?? devicePath;
        var type = FileSystemProbe.KernelType(kind);
        const string Data = "uid=0,gid=0,umask=0077";
        var readOnly = writeProtected;
        var result = Libc.mount(source, mountPoint, type, VolumeMounter.SafeFlags | (readOnly ? Libc.MS_RDONLY : 0), Data);
        var errno = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        if (errno is Libc.EROFS or Libc.EACCES && !readOnly)
        {
            logger.LogWarning("{Device} is write-protected: mounting read-only; files will be ingested but not erased", devicePath);
            readOnly = true;
            result = Libc.mount(source, mountPoint, type, VolumeMounter.SafeFlags | Libc.MS_RDONLY, Data);
            errno = result == 0 ? 0 : Marshal.GetLastPInvokeError();
        }

        if (result == 0)
        {
            return new MountedVolume(mountPoint, kind, "kernel", readOnly, null, loop, options, logger);
        }

        if (loop is not null)
        {
            await LoopDevice.DetachAsync(loop, options);
        }

        var message = Marshal.GetPInvokeErrorMessage(errno);
        if (errno is Libc.EPERM or Libc.ENODEV or Libc.ENOTBLK)
        {
            logger.LogInformation(
                "The kernel cannot mount {Device} as {Type} here ({Error}); using FUSE", devicePath, type, message);
            return null;
        }

        throw new MountException($"mount({devicePath}, {mountPoint}, {type}) failed: {message} (errno {errno})");
    }
}
