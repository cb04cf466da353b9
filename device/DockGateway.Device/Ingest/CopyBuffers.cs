using System.Buffers;

namespace DockGateway.Device.Ingest;

/// <summary>
/// The buffers of a stored copy's whole-file re-check (<see cref="StoredCopyHash"/>: after a restart, for a
/// duplicate), from one bounded pool shared by all slots (no per-thread caches as in ArrayPool.Shared); the
/// copy's and the pipelined re-read's page-aligned buffers are native memory of their own
/// (<see cref="FootageCopier"/>, <see cref="RangeReader"/>).
/// </summary>
public static class CopyBuffers
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 16);
}
