using Microsoft.Win32.SafeHandles;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Reads an untrusted recorder volume. Every path component below the root is opened with
/// <c>openat(…, O_NOFOLLOW)</c> relative to its parent, so no symlink is ever followed and nothing
/// outside the root can be reached; names are handled as bytes. The walk is streamed (depth-first,
/// one open directory per level) so a volume with 100 000 files costs no more memory than one with ten.
/// </summary>
public sealed class VolumeTree(string rootPath, VolumeLimits limits)
{
    public string RootPath { get; } = rootPath;

    /// <summary>Every entry of the volume, lazily; problems are reported as items, never thrown.</summary>
    public IEnumerable<VolumeItem> Walk()
    {
        var stack = new Stack<(VolumeDirectory Dir, VolumePath Path, int Depth)>();
        var root = new VolumePath([]);
        stack.Push((VolumeDirectory.FromFd(OpenRoot(), RootPath), root, 0));
        var visited = 0L;
        try
        {
            while (stack.Count > 0)
            {
                var (dir, path, depth) = stack.Peek();
                byte[] name;
                string? readError = null;
                bool more;
                try
                {
                    more = dir.TryRead(out name, out _, path.Display);
                }
                catch (IOException e)
                {
                    more = false;
                    name = [];
                    readError = e.Message;
                }

                if (!more)
                {
                    stack.Pop().Dir.Dispose();
                    if (readError is not null)
                    {
                        yield return new VolumeItem(path, VolumeItemKind.Unreadable, null, readError);
                    }

                    continue;
                }

                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                if (++visited > limits.MaxEntries)
                {
                    yield return new VolumeItem(path, VolumeItemKind.LimitReached, null, $"more than {limits.MaxEntries} entries on the volume");
                    yield break;
                }

                var child = path.Child(name);
                if (child.Bytes.Length > limits.MaxPathBytes || name.Length > limits.MaxNameBytes)
                {
                    yield return new VolumeItem(child, VolumeItemKind.PathTooLong, null, $"path is {child.Bytes.Length} bytes, name {name.Length} bytes");
                    continue;
                }

                var item = Inspect(dir.Fd, name, child, depth, out var subdirFd);
                if (subdirFd >= 0)
                {
                    stack.Push((VolumeDirectory.FromFd(subdirFd, child.Display), child, depth + 1));
                }
                else if (item is not null)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            while (stack.Count > 0)
            {
                stack.Pop().Dir.Dispose();
            }
        }
    }

    /// <summary>Opens a regular file for reading, refusing symlinks anywhere on the way and non-regular files.</summary>
    public unsafe SafeFileHandle OpenRead(VolumePath path, out FileIdentity identity)
    {
        var (parent, name) = OpenParent(path);
        try
        {
            var bytes = NulTerminated.Of(name);
            int fd;
            fixed (byte* p = bytes)
            {
                fd = Libc.openat(parent.Fd, p, Libc.Flags.O_RDONLY | Libc.Flags.O_NOFOLLOW | Libc.Flags.O_NONBLOCK | Libc.Flags.O_CLOEXEC, 0);
            }

            if (fd < 0)
            {
                throw Errno.Failure("open", path.Display);
            }

            var handle = new SafeFileHandle(fd, ownsHandle: true);
            var st = StatFd(fd, path);
            if ((st.stx_mode & Libc.S_IFMT) != Libc.S_IFREG)
            {
                handle.Dispose();
                throw new IOException($"'{path.Display}' is not a regular file");
            }

            identity = ToIdentity(st);
            return handle;
        }
        finally
        {
            parent.Dispose();
        }
    }

    /// <summary>The current identity of a file, or null when it no longer exists.</summary>
    public unsafe FileIdentity? Stat(VolumePath path)
    {
        var (parent, name) = OpenParent(path);
        try
        {
            var bytes = NulTerminated.Of(name);
            Libc.Statx st;
            fixed (byte* p = bytes)
            {
                if (Libc.statx(parent.Fd, p, Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE | Libc.STATX_SIZE | Libc.STATX_MTIME | Libc.STATX_CTIME, &st) != 0)
                {
                    return null;
                }
            }

            return (st.stx_mode & Libc.S_IFMT) == Libc.S_IFREG ? ToIdentity(st) : null;
        }
        finally
        {
            parent.Dispose();
        }
    }

    /// <summary>Deletes one file from the recorder (unlinkat in its directory, never following links).</summary>
    public unsafe void Erase(VolumePath path)
    {
        var (parent, name) = OpenParent(path);
        try
        {
            var bytes = NulTerminated.Of(name);
            fixed (byte* p = bytes)
            {
                if (Libc.unlinkat(parent.Fd, p, 0) != 0)
                {
                    throw Errno.Failure("unlink", path.Display);
                }
            }
        }
        finally
        {
            parent.Dispose();
        }
    }

    private unsafe VolumeItem? Inspect(int dirFd, byte[] name, VolumePath child, int depth, out int subdirFd)
    {
        subdirFd = -1;
        var bytes = NulTerminated.Of(name);
        Libc.Statx st;
        fixed (byte* p = bytes)
        {
            if (Libc.statx(dirFd, p, Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE | Libc.STATX_SIZE | Libc.STATX_MTIME | Libc.STATX_CTIME, &st) != 0)
            {
                return new VolumeItem(child, VolumeItemKind.Unreadable, null, Errno.Failure("stat", child.Display).Message);
            }
        }

        switch (st.stx_mode & Libc.S_IFMT)
        {
            case Libc.S_IFREG:
                return new VolumeItem(child, VolumeItemKind.File, ToIdentity(st));
            case Libc.S_IFLNK:
                return new VolumeItem(child, VolumeItemKind.Symlink, null, "symbolic link: never followed");
            case Libc.S_IFCHR or Libc.S_IFBLK:
                return new VolumeItem(child, VolumeItemKind.DeviceFile, null, "device file");
            case Libc.S_IFIFO:
                return new VolumeItem(child, VolumeItemKind.Fifo, null, "named pipe (FIFO)");
            case Libc.S_IFSOCK:
                return new VolumeItem(child, VolumeItemKind.Socket, null, "socket");
            case Libc.S_IFDIR when depth + 1 > limits.MaxDepth:
                return new VolumeItem(child, VolumeItemKind.TooDeep, null, $"directory deeper than {limits.MaxDepth} levels: not entered");
            case Libc.S_IFDIR:
                fixed (byte* p = bytes)
                {
                    subdirFd = Libc.openat(dirFd, p, Libc.Flags.O_RDONLY | Libc.Flags.O_DIRECTORY | Libc.Flags.O_NOFOLLOW | Libc.Flags.O_CLOEXEC, 0);
                }

                return subdirFd >= 0 ? null : new VolumeItem(child, VolumeItemKind.Unreadable, null, Errno.Failure("open directory", child.Display).Message);
            default:
                return new VolumeItem(child, VolumeItemKind.Unreadable, null, "unknown file type");
        }
    }

    private unsafe int OpenRoot()
    {
        var bytes = NulTerminated.Of(RootPath);
        fixed (byte* p = bytes)
        {
            var fd = Libc.open(p, Libc.Flags.O_RDONLY | Libc.Flags.O_DIRECTORY | Libc.Flags.O_CLOEXEC, 0);
            if (fd >= 0)
            {
                return fd;
            }

            var error = Errno.Failure("open volume root", RootPath);
            throw error.HResult is Libc.ENOENT or Libc.ENODEV or Libc.ENOTCONN or Libc.EIO ? new RecorderGoneException(error.Message, error) : error;
        }
    }

    /// <summary>Opens the directory holding <paramref name="path"/>, component by component with O_NOFOLLOW.</summary>
    private unsafe (DirectoryFd Parent, byte[] Name) OpenParent(VolumePath path)
    {
        var segments = path.Segments().ToList();
        if (segments.Count == 0 || segments.Exists(s => s.Length == 0 || s is [(byte)'.'] or [(byte)'.', (byte)'.']))
        {
            throw new IOException($"'{path.Display}' is not a plain relative path inside the volume");
        }

        var fd = OpenRoot();
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var bytes = NulTerminated.Of(segments[i]);
            int next;
            fixed (byte* p = bytes)
            {
                next = Libc.openat(fd, p, Libc.Flags.O_RDONLY | Libc.Flags.O_DIRECTORY | Libc.Flags.O_NOFOLLOW | Libc.Flags.O_CLOEXEC, 0);
            }

            var error = next < 0 ? Errno.Failure("open directory", path.Display) : null;
            _ = Libc.close(fd);
            fd = error is null ? next : throw error;
        }

        return (new DirectoryFd(fd), segments[^1]);
    }

    private static unsafe Libc.Statx StatFd(int fd, VolumePath path)
    {
        Libc.Statx st;
        byte empty = 0;
        if (Libc.statx(fd, &empty, Libc.AT_EMPTY_PATH, Libc.STATX_TYPE | Libc.STATX_SIZE | Libc.STATX_MTIME | Libc.STATX_CTIME, &st) != 0)
        {
            throw Errno.Failure("stat", path.Display);
        }

        return st;
    }

    private static FileIdentity ToIdentity(Libc.Statx st) =>
        new(st.stx_ino, (long)st.stx_size, st.stx_mtime_sec, st.stx_mtime_nsec, st.stx_ctime_sec, st.stx_ctime_nsec);

    /// <summary>A plain directory descriptor closed on dispose.</summary>
    private readonly struct DirectoryFd(int fd) : IDisposable
    {
        public int Fd { get; } = fd;

        public void Dispose() => _ = Libc.close(Fd);
    }
}
