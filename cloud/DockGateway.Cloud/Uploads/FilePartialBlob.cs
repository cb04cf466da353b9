using DockGateway.Shared.Storage;
using Tmds.Linux;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// A partial upload in the local staging directory, opened for appending. Appends made through
/// <see cref="WriteAsync"/> go to the disk with <c>O_DIRECT</c> where the file system allows it: whole pages from a
/// page-aligned buffer skip the page cache, so the bytes are not copied a second time and the fdatasync at the chunk's
/// end has only the unaligned head and tail (less than a page each) and the new size left to write. Where
/// <c>O_DIRECT</c> is refused (tmpfs, some FUSE file systems: <c>EINVAL</c> from <c>fcntl</c> or the first direct
/// write) every byte goes through the page cache, its writeback started every few MiB (<see cref="StartWriteback"/>).
/// </summary>
internal sealed class FilePartialBlob(FileStream stream) : IPartialBlob
{
    private const int Page = PageAlignedBuffer.Alignment;
    private bool _directRefused = !OperatingSystem.IsLinux();
    private bool _directOn;

    /// <summary>True while no direct write was refused (a file system without <c>O_DIRECT</c>).</summary>
    internal bool WritesDirectly => !_directRefused;

    /// <inheritdoc/>
    public Task WriteAsync(ReadOnlyMemory<byte> data, long offset) => Task.Run(() => Write(data.Span, offset));

    public void StartWriteback()
    {
        if (_directRefused)
        {
            Writeback.Start(stream.SafeFileHandle);
        }
    }

    /// <summary>fdatasync(2): the appended bytes and the file's new size, which is all an append changes that a read needs.</summary>
    public Task FlushDurablyAsync(CancellationToken cancellationToken)
    {
        DataSync.Flush(stream);
        return Task.CompletedTask;
    }

    public void Truncate(long length)
    {
        stream.SetLength(length);
        stream.Position = length;
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();

    /// <summary>The unaligned head and tail through the page cache, the whole pages between them directly.</summary>
    private void Write(ReadOnlySpan<byte> data, long offset)
    {
        var head = (int)Math.Min(data.Length, (Page - offset % Page) % Page);
        var whole = (data.Length - head) / Page * Page;
        if (head > 0)
        {
            WriteBuffered(data[..head], offset);
        }

        if (whole > 0 && !TryWriteDirect(data.Slice(head, whole), offset + head))
        {
            WriteBuffered(data.Slice(head, whole), offset + head);
        }

        if (head + whole < data.Length)
        {
            WriteBuffered(data[(head + whole)..], offset + head + whole);
        }
    }

    private void WriteBuffered(ReadOnlySpan<byte> data, long offset)
    {
        SetDirect(false);
        RandomAccess.Write(stream.SafeFileHandle, data, offset);
    }

    /// <summary>Writes page-aligned <paramref name="data"/> with O_DIRECT; false (and never again) when the file system refuses it.</summary>
    private bool TryWriteDirect(ReadOnlySpan<byte> data, long offset)
    {
        if (_directRefused || !SetDirect(true))
        {
            return false;
        }

        try
        {
            RandomAccess.Write(stream.SafeFileHandle, data, offset);
            return true;
        }
        catch (IOException e) when (e.HResult == LibC.EINVAL)
        {
            // Accepted by fcntl, refused by the file system's write (or an alignment it does not offer): the page cache from now on.
            _directRefused = true;
            return false;
        }
    }

    /// <summary>Sets or clears O_DIRECT on the open file when it is not already so; false when the file system refuses it.</summary>
    private bool SetDirect(bool on)
    {
        if (_directOn == on || (on && _directRefused))
        {
            return _directOn == on;
        }

        if (!DirectIo.TrySet(stream.SafeFileHandle, on))
        {
            if (on)
            {
                _directRefused = true;
                return false;
            }

            throw new IOException($"Turning O_DIRECT off for '{stream.Name}' failed (errno {LibC.errno}).");
        }

        _directOn = on;
        return true;
    }
}
