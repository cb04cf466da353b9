using System.Buffers;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The copy and verification buffers, from one bounded pool shared by all slots (no per-thread caches
/// as in ArrayPool.Shared), so four slots (two 512 KiB copy buffers each) hold about 4 MiB; the pipelined re-read's page-aligned
/// buffer (at most 256 KiB per slot) is native memory of its own (<see cref="RangeReader"/>).
/// </summary>
public static class CopyBuffers
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 16);
}
