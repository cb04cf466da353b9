using System.Buffers;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The copy and verification buffers, from one bounded pool shared by all slots (no per-thread caches
/// as in ArrayPool.Shared), so four slots at 1 MiB buffers hold about 12 MiB, not more.
/// </summary>
public static class CopyBuffers
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 16);
}
