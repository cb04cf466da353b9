namespace DockGateway.Device.Hardware.Mounting;

/// <summary>
/// Attaches an image file to a loop device (losetup) for drivers that insist on a block device:
/// the kernel, and mount.exfat-fuse when run as root. Real recorders are block devices already.
/// </summary>
internal static class LoopDevice
{
    /// <summary>
    /// True for a regular (image) file: Linux reports st_size 0 for block device nodes, so a
    /// non-empty regular file behind the path is an image that needs a loop device.
    /// </summary>
    public static bool IsImageFile(string devicePath)
    {
        var info = new FileInfo(devicePath);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        return target.Exists && target.Length > 0;
    }

    public static async Task<string> AttachAsync(string imagePath, bool readOnly, VolumeMountOptions options, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--find", "--show"];
        if (readOnly)
        {
            arguments.Add("--read-only");
        }

        arguments.Add(imagePath);
        var result = await ExternalCommand.RunAsync(options.Losetup, arguments, options.Timeout, cancellationToken);
        var device = result.Output.Trim();
        if (result.ExitCode != 0 || !device.StartsWith("/dev/", StringComparison.Ordinal))
        {
            throw new MountException($"No loop device for {imagePath}: {options.Losetup} said '{result.Describe()}'");
        }

        return device;
    }

    /// <summary>
    /// Detaches the loop device, retrying while the FUSE driver that just unmounted still holds it
    /// open (EBUSY); false when it is still attached after the timeout.
    /// </summary>
    public static async Task<bool> DetachAsync(string loopDevice, VolumeMountOptions options)
    {
        var deadline = DateTime.UtcNow + options.Timeout;
        while (true)
        {
            var result = await ExternalCommand.RunAsync(options.Losetup, ["--detach", loopDevice], options.Timeout, CancellationToken.None);
            if (result.ExitCode == 0)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}
