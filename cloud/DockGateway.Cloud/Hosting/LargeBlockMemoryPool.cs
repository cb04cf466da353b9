using System.Buffers;
using System.Collections.Concurrent;

namespace DockGateway.Cloud.Hosting;

/// <summary>
/// Kestrel's connection buffers in 64 KiB blocks instead of its default 4 KiB ones (see
/// <see cref="LargeBlockMemoryPoolFactory"/>). Kestrel receives into one block at a time, so a 16 MiB tus chunk took
/// 4 096 receive calls, each also preceded by a zero-byte read that waits for data; with 64 KiB blocks it takes 256
/// (on this VM a system call is dear: the bare PUT baseline went from about 260 to 600-850 MB/s). Blocks are pinned arrays (the socket writes into them
/// without pinning each time), reused through a queue that keeps at most <see cref="Kept"/> of them (16 MiB); what a
/// burst rents beyond that goes back to the garbage collector when returned.
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;
    private const int Kept = 256;
    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }
        return new Block(this);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) <= Kept)
        {
            _free.Enqueue(block);
            return;
        }
        Interlocked.Decrement(ref _freeCount);
    }

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public void Dispose() => pool.Return(this);
    }
}
