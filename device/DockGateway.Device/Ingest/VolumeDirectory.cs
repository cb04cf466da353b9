using System.Runtime.InteropServices;
using DockGateway.Device.Interop;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>An open directory of a recorder volume (<c>DIR*</c> from fdopendir); its fd anchors openat calls.</summary>
internal sealed class VolumeDirectory : IDisposable
{
    private readonly DirectoryHandle _handle;

    private VolumeDirectory(DirectoryHandle handle) => _handle = handle;

    public int Fd => _handle.Fd;

    /// <summary>Takes ownership of <paramref name="fd"/> (an O_DIRECTORY descriptor).</summary>
    public static VolumeDirectory FromFd(int fd, string displayPath)
    {
        var dir = Libc.fdopendir(fd);
        if (dir == nint.Zero)
        {
            var error = Errno.Failure("fdopendir", displayPath);
            _ = Libc.close(fd);
            throw error;
        }

        return new VolumeDirectory(new DirectoryHandle(dir, fd));
    }

    /// <summary>The next entry's name and d_type, or false at the end of the directory.</summary>
    public unsafe bool TryRead(out byte[] name, out byte type, string displayPath)
    {
        var entry = Libc.readdir64(_handle);
        if (entry == nint.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != 0)
            {
                throw new IOException($"readdir '{displayPath}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
            }

            name = [];
            type = 0;
            return false;
        }

        var p = (byte*)entry;
        type = p[18];
        var span = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p + 19);
        name = span.ToArray();
        return true;
    }

    public void Dispose() => _handle.Dispose();
}
