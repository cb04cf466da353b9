using System.Buffers;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The copy and verification buffers, from one bounded pool shared by all slots (no per-thread caches
/// as in ArrayPool.Shared), so four slots (two 512 KiB copy and two 256 KiB verification buffers each) hold about 6 MiB.
/// </summary>
public static class CopyBuffers
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 16);
}
