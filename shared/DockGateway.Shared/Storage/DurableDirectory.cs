using System.Runtime.InteropServices;
using static DockGateway.Shared.Interop.Interop;

namespace DockGateway.Shared.Storage;

/// <summary>
/// Makes changes to a directory durable: a file created, renamed into or removed from a directory
/// survives a power cut only once the directory itself is fsync'd (as trillian-tessera's
/// <c>storage/posix/file_ops.go</c> and the dock's footage store do). Off Linux it does nothing.
/// </summary>
public static class DurableDirectory
{
    /// <summary>fsync(2) on the directory <paramref name="path"/>.</summary>
    public static void Sync(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            throw Error("open directory", path);
        }

        try
        {
            if (Libc.fsync(fd) != 0)
            {
                throw Error("fsync directory", path);
            }
        }
        finally
        {
            _ = Libc.close(fd);
        }
    }

    /// <summary>Creates <paramref name="path"/> and its missing parents, fsyncing each parent after its new child is made.</summary>
    public static void Create(string path) => Create(path, null);

    /// <summary>
    /// As <see cref="Create(string)"/>, each new directory made with <paramref name="unixMode"/> (e.g. 0700)
    /// whatever the umask; existing directories are left as they are.
    /// </summary>
    public static void Create(string path, UnixFileMode? unixMode)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is not null)
        {
            Create(parent, unixMode);
        }

        if (unixMode is { } mode && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full, mode);
        }
        else
        {
            Directory.CreateDirectory(full);
        }

        if (parent is not null)
        {
            Sync(parent);
        }
    }

    private static IOException Error(string what, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{what} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }
}
