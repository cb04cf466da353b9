using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// A 4 MiB chunk buffer whose first byte sits on a page boundary, as <c>O_DIRECT</c> writes need (see
/// <see cref="FilePartialBlob"/>): a slice of a pinned array (the pinned object heap never moves it). Rented from a
/// small process-wide pool that keeps at most 8 (32 MiB), since each PATCH streams through two of them and pinned
/// arrays are costly to allocate.
/// </summary>
internal sealed class PageAlignedBuffer
{
    public const int Alignment = 4096;
    public const int Size = 4 << 20;
    private const int Kept = 8;
    private static readonly ConcurrentBag<PageAlignedBuffer> s_free = [];
    private readonly byte[] _array;
    private readonly int _start;

    private PageAlignedBuffer()
    {
        _array = GC.AllocateUninitializedArray<byte>(Size + Alignment, pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _start = (int)((Alignment - address % Alignment) % Alignment);
    }

    /// <summary>The whole buffer, page-aligned.</summary>
    public Memory<byte> Memory => _array.AsMemory(_start, Size);

    public static PageAlignedBuffer Rent() => s_free.TryTake(out var buffer) ? buffer : new PageAlignedBuffer();

    public static void Return(PageAlignedBuffer buffer)
    {
        if (s_free.Count < Kept)
        {
            s_free.Add(buffer);
        }
    }
}
