using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;
using static DockGateway.Device.Interop.Interop;

namespace DockGateway.Device.Ingest;

/// <summary>
/// Re-reads ranges of a copy being written, for <see cref="ReadBackVerifier"/>. From the disk: the
/// range's writeback is waited for, its pages are dropped from the page cache and it is read with
/// <c>O_DIRECT</c> into one page-aligned buffer (no page cache to fill and reclaim, no copy out of it),
/// read and hashed in turn on the read-back's own thread (no hand-off to the thread pool per read); where
/// <c>O_DIRECT</c> is refused (ramfs) it is read through the emptied cache instead.
/// </summary>
internal sealed unsafe class RangeReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly bool _fromDisk;
    private readonly bool _direct;
    private readonly AlignedBuffer _buffer;

    private RangeReader(SafeFileHandle file, bool fromDisk, bool direct, int bufferBytes)
    {
        _file = file;
        _fromDisk = fromDisk;
        _direct = direct;
        _buffer = new AlignedBuffer(bufferBytes);
    }

    public static RangeReader Open(string path, bool fromDisk, int bufferBytes)
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
                return new RangeReader(new SafeFileHandle(fd, ownsHandle: true), fromDisk, direct: true, bufferBytes);
            }
        }

        return new RangeReader(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), fromDisk, direct: false, bufferBytes);
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

    /// <summary>Drops the (written back) range from the page cache, then reads it and appends it to <paramref name="hash"/>.</summary>
    public void ReadInto(IncrementalHash hash, long offset, long count)
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
            var read = Read(offset, end);
            var hashing = IngestCpuStages.Start();
            hash.AppendData(_buffer.Span(read));
            IngestCpuStages.Add(IngestCpuStage.VerifyHash, hashing);
            offset += read;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _buffer.Dispose();
    }

    /// <summary>Reads from <paramref name="offset"/> as much of [offset, end) as the buffer holds; the count read, never more than asked.</summary>
    private int Read(long offset, long end)
    {
        var want = (int)Math.Min(_buffer.Length, end - offset);
        var request = _direct ? AlignedBuffer.RoundUp(want) : want; // the tail, rounded up: the read stops at the end of the file
        var reading = IngestCpuStages.Start();
        var read = RandomAccess.Read(_file, _buffer.Span(request), offset);
        IngestCpuStages.Add(IngestCpuStage.VerifyRead, reading);
        return read > 0 ? Math.Min(read, want)
            : throw new IOException($"the stored copy ends at byte {offset}, {end - offset} bytes short of what was written");
    }
}
