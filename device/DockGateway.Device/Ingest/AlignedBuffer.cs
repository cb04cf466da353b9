using System.Runtime.InteropServices;

namespace DockGateway.Device.Ingest;

/// <summary>
/// A copy or read-back buffer in native memory, page-aligned and a whole number of pages long, as
/// <c>O_DIRECT</c> reads and writes need; outside the GC heap, freed as soon as the file is done.
/// </summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    public const int Alignment = 4096;
    private byte* _pointer;

    /// <summary>At least <paramref name="bytes"/> (at least one page), rounded up to whole pages.</summary>
    public AlignedBuffer(int bytes)
    {
        Length = RoundUp(Math.Max(bytes, 1));
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Length, Alignment);
    }

    public int Length { get; }

    public byte* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(AlignedBuffer));

    public Span<byte> Span(int count) => new(Pointer, count);

    public static int RoundUp(int bytes) => (bytes + Alignment - 1) / Alignment * Alignment;

    public static long RoundDown(long bytes) => bytes / Alignment * Alignment;

    public void Dispose()
    {
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
        }
    }
}
