using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DockGateway.Device.Hardware.Mounting;

/// <summary>
/// FUSE mounts. fusefat runs in the foreground (-f) as the dock's own child, so the dock knows when
/// it has written everything and exited; read-write needs its experimental "rw+" option.
/// mount.exfat-fuse daemonises and, as root, wants a block device: image files get a loop device.
/// </summary>
internal static class FuseMount
{
    private const string Safe = "nosuid,nodev,noexec,noatime";

    public static Task<MountedVolume> MountAsync(
        string devicePath, string mountPoint, FileSystemKind kind, bool writeProtected,
        VolumeMountOptions options, ILogger logger, CancellationToken cancellationToken) => kind switch
    {
        FileSystemKind.Fat32 => MountFatAsync(devicePath, mountPoint, writeProtected, options, logger, cancellationToken),
        FileSystemKind.ExFat => MountExfatAsync(devicePath, mountPoint, writeProtected, options, logger, cancellationToken),
        _ => throw new MountException($"{devicePath}: no FUSE driver for {kind}"),
    };

    private static async Task<MountedVolume> MountFatAsync(
        string devicePath, string mountPoint, bool writeProtected, VolumeMountOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var mountOptions = writeProtected ? "ro," + Safe : "rw+," + Safe;
        var process = ExternalCommand.Start(options.FuseFat, ["-f", "-o", mountOptions, devicePath, mountPoint]);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var started = Stopwatch.StartNew();
        while (MountTable.Find(mountPoint) is null)
        {
            if (process.HasExited)
            {
                var said = (await error).Trim();
                process.Dispose();
                throw new MountException($"{options.FuseFat} could not mount {devicePath} on {mountPoint}: {said}");
            }

            if (started.Elapsed > options.Timeout || cancellationToken.IsCancellationRequested)
            {
                process.Kill();
                process.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw new MountException($"{options.FuseFat} did not mount {devicePath} within {options.Timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return new MountedVolume(mountPoint, FileSystemKind.Fat32, "fusefat", writeProtected, process, null, options, logger);
    }

    private static async Task<MountedVolume> MountExfatAsync(
        string devicePath, string mountPoint, bool writeProtected, VolumeMountOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var loop = Environment.IsPrivilegedProcess && LoopDevice.IsImageFile(devicePath)
            ? await LoopDevice.AttachAsync(devicePath, writeProtected, options, cancellationToken)
            : null;
        var mountOptions = writeProtected ? "ro," + Safe : Safe;
        var result = await ExternalCommand.RunAsync(
            options.ExfatFuse, ["-o", mountOptions, loop ?? devicePath, mountPoint], options.Timeout, cancellationToken);
        var entry = MountTable.Find(mountPoint);
        if (result.ExitCode != 0 || entry is null)
        {
            if (loop is not null)
            {
                await LoopDevice.DetachAsync(loop, options);
            }

            throw new MountException($"{options.ExfatFuse} could not mount {devicePath} on {mountPoint}: {result.Describe()}");
        }

        var readOnly = writeProtected || entry.Options.Contains("ro");
        return new MountedVolume(mountPoint, FileSystemKind.ExFat, "exfat-fuse", readOnly, null, loop, options, logger);
    }
}
