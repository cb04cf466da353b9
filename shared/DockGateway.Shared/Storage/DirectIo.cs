using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace DockGateway.Shared.Storage;

/// <summary>
/// Turns <c>O_DIRECT</c> on or off for an open file (<c>fcntl F_GETFL / F_SETFL</c>), for writers that send
/// page-aligned buffers straight to the disk and the unaligned rest through the page cache: the dock's copy
/// of a recorder file and the cloud's partial uploads. Linux only; elsewhere every call reports a refusal.
/// </summary>
public static class DirectIo
{
    /// <summary>Sets or clears O_DIRECT; false when the file system refuses it (tmpfs, some FUSE file systems), errno in <see cref="LibC.errno"/>.</summary>
    public static bool TrySet(SafeFileHandle file, bool on)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var fd = (int)file.DangerousGetHandle();
        var flags = LibC.fcntl(fd, LibC.F_GETFL, 0);
        return flags >= 0 && LibC.fcntl(fd, LibC.F_SETFL, on ? flags | LibC.O_DIRECT : flags & ~LibC.O_DIRECT) == 0;
    }
}
