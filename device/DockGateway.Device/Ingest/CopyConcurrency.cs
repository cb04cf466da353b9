namespace DockGateway.Device.Ingest;

/// <summary>
/// How many files the slots are copying at once, for how a copy writes (<see cref="CopyWriter"/>). A copy
/// that starts alone writes through the page cache with its writeback started every 4 MiB: the kernel
/// writes to the disk while the copy thread reads and hashes the next chunk. A copy that starts while
/// another runs writes with <c>O_DIRECT</c>: the disk is kept busy by the other slots, and the page cache's
/// copy would only add CPU. Measured on the same build, alternating (issue 14): one slot 513–562 against
/// 357–488 MB/s at the same CPU; four slots the same speed, 2.14–2.20 against 1.90–1.99 CPU-s per GiB.
/// </summary>
internal sealed class CopyConcurrency
{
    private int _copying;

    /// <summary>
    /// The copy and read-back buffers' size: <paramref name="configured"/> (<c>Dock:CopyBufferBytes</c>) alone, half of it
    /// (at least a page) beside other copies. Alone, the copy's buffered writes and the read-back's <c>O_DIRECT</c> reads
    /// of the same file take turns on its inode lock (ext4 takes <c>i_rwsem</c> for both), once per buffer: 1 MiB
    /// against 512 KiB, 1 × 1 GiB, 9 runs each alternating, 539–695 (median 616) against 554–610 (569) MB/s at the same
    /// CPU. Beside others the copies write with <c>O_DIRECT</c>, and four slots' buffers stay within the memory goal.
    /// </summary>
    public static int BufferBytes(int configured, bool alone) => alone ? configured : Math.Max(AlignedBuffer.Alignment, configured / 2);

    /// <summary>A copy starts; true when no other copy is running.</summary>
    public bool Enter() => Interlocked.Increment(ref _copying) == 1;

    /// <summary>A copy that <see cref="Enter"/>ed has ended, however it ended.</summary>
    public void Exit() => Interlocked.Decrement(ref _copying);
}
