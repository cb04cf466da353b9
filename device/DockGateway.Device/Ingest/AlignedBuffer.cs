using System.Runtime.InteropServices;
using Tmds.Linux;

namespace DockGateway.Device.Ingest;

/// <summary>
/// A copy or read-back buffer in native memory, page-aligned and a whole number of pages long, as
/// <c>O_DIRECT</c> reads and writes need; outside the GC heap. On Linux its own anonymous mapping
/// (<c>mmap</c>), so freeing it returns every page to the system at once: from malloc, each thread's
/// arena kept what it had freed (four slots peaked about 1 MB higher).
/// </summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    public const int Alignment = 4096;
    private byte* _pointer;

    /// <summary>At least <paramref name="bytes"/> (at least one page), rounded up to whole pages.</summary>
    public AlignedBuffer(int bytes)
    {
        Length = RoundUp(Math.Max(bytes, 1));
        if (!OperatingSystem.IsLinux())
        {
            _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Length, Alignment);
            return;
        }

        var mapped = LibC.mmap(null, Length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        _pointer = mapped != LibC.MAP_FAILED ? (byte*)mapped : throw new InsufficientMemoryException($"mmap of a {Length}-byte copy buffer failed (errno {LibC.errno})");
    }

    public int Length { get; }

    public byte* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(AlignedBuffer));

    public Span<byte> Span(int count) => new(Pointer, count);

    public static int RoundUp(int bytes) => (bytes + Alignment - 1) / Alignment * Alignment;

    public static long RoundDown(long bytes) => bytes / Alignment * Alignment;

    public void Dispose()
    {
        if (_pointer == null)
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            _ = LibC.munmap(_pointer, Length);
        }
        else
        {
            NativeMemory.AlignedFree(_pointer);
        }

        _pointer = null;
    }
}
