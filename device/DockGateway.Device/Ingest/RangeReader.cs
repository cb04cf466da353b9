using Microsoft.Win32.SafeHandles;
using Tmds.Linux;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Re-reads ranges of a copy being written, for <see cref="ReadBackVerifier"/>. From the disk: the
/// range's writeback is waited for, its pages are dropped from the page cache and it is read with
/// <c>O_DIRECT</c> into the page-aligned buffers of a <see cref="ChunkRing"/> (no page cache to fill and
/// reclaim, no copy out of it), hashed on another thread while the next chunk is read; where
/// <c>O_DIRECT</c> is refused (ramfs) it is read through the emptied cache instead.
/// </summary>
internal sealed unsafe class RangeReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly bool _fromDisk;
    private readonly bool _direct;

    private RangeReader(SafeFileHandle file, bool fromDisk, bool direct)
    {
        _file = file;
        _fromDisk = fromDisk;
        _direct = direct;
    }

    public static RangeReader Open(string path, bool fromDisk)
    {
        if (fromDisk && OperatingSystem.IsLinux())
        {
            int fd;
            fixed (byte* p = NulTerminated.Of(path))
            {
                fd = Libc.open(p, Libc.Flags.O_RDONLY | Libc.Flags.O_DIRECT | Libc.Flags.O_CLOEXEC, 0);
            }

            if (fd >= 0)
            {
                return new RangeReader(new SafeFileHandle(fd, ownsHandle: true), fromDisk, direct: true);
            }
        }

        return new RangeReader(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), fromDisk, direct: false);
    }

    /// <summary>Writes the range back through the copy's handle and waits until the disk has it.</summary>
    public static void WaitWrittenBack(SafeFileHandle written, long offset, long count)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const uint All = Libc.SYNC_FILE_RANGE_WAIT_BEFORE | Libc.SYNC_FILE_RANGE_WRITE | Libc.SYNC_FILE_RANGE_WAIT_AFTER;
        // sync_file_range(2) through Tmds.LibC (the first libc call moved off the hand-written bindings): -1 and errno (EIO: the write failed).
        if (LibC.sync_file_range((int)written.DangerousGetHandle(), offset, count, All) != 0)
        {
            throw Errno.Failure($"writing back bytes {offset}-{offset + count} of", "the stored copy", LibC.errno);
        }
    }

    /// <summary>
    /// Drops the (written back) range from the page cache, then reads it chunk by chunk into <paramref name="ring"/>'s
    /// buffers, calling <paramref name="afterPost"/> after each chunk when this thread also drains the ring;
    /// false when the ring was stopped.
    /// </summary>
    public bool ReadInto(ChunkRing ring, long offset, long count, Action? afterPost)
    {
        if (_fromDisk && OperatingSystem.IsLinux())
        {
            var dropping = IngestCpuStages.Start();
            _ = Libc.posix_fadvise((int)_file.DangerousGetHandle(), offset, count, Libc.POSIX_FADV_DONTNEED);
            IngestCpuStages.Add(IngestCpuStage.VerifyWriteback, dropping);
        }

        var end = offset + count;
        while (offset < end)
        {
            if (ring.Rent() is not { } buffer)
            {
                return false;
            }

            var read = Read(buffer, offset, end);
            ring.Post(read, offset);
            afterPost?.Invoke();
            offset += read;
        }

        return true;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Reads from <paramref name="offset"/> as much of [offset, end) as the buffer holds; the count read, never more than asked.</summary>
    private int Read(AlignedBuffer buffer, long offset, long end)
    {
        var want = (int)Math.Min(buffer.Length, end - offset);
        var request = _direct ? AlignedBuffer.RoundUp(want) : want; // the tail, rounded up: the read stops at the end of the file
        var reading = IngestCpuStages.Start();
        var read = RandomAccess.Read(_file, buffer.Span(request), offset);
        IngestCpuStages.Add(IngestCpuStage.VerifyRead, reading);
        return read > 0 ? Math.Min(read, want)
            : throw new IOException($"the stored copy ends at byte {offset}, {end - offset} bytes short of what was written");
    }
}
