using DockGateway.Device.Ingest;
using Microsoft.Win32.SafeHandles;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Tests.Support;

/// <summary>Creates files whose names are arbitrary bytes (not UTF-8), as a hostile recorder may hold.</summary>
public static class RawNames
{
    private const int OCreat = 0x40;

    public static unsafe void CreateFile(string directory, byte[] name, byte[] content)
    {
        var path = NulTerminated.Of([.. System.Text.Encoding.UTF8.GetBytes(directory + "/"), .. name]);
        int fd;
        fixed (byte* p = path)
        {
            fd = Libc.open(p, Libc.Flags.O_WRONLY | OCreat | Libc.Flags.O_CLOEXEC, 0x1A4);
        }

        if (fd < 0)
        {
            throw Errno.Failure("create", directory);
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        RandomAccess.Write(handle, content, 0);
    }

    /// <summary>Names of a folder's entries as raw bytes (readdir, not .NET's UTF-8 decoding).</summary>
    public static List<byte[]> List(string directory)
    {
        var tree = new DockGateway.Device.Ingest.VolumeTree(directory, new(1000, 1, 255, 4096));
        return tree.Walk().Select(i => i.Path.Bytes).ToList();
    }
}
