namespace DockGateway.Device.Ingest;

/// <summary>A chunk posted through a <see cref="ChunkRing"/>: <see cref="Count"/> bytes of <see cref="Buffer"/>, the file's bytes from <see cref="Offset"/>.</summary>
internal readonly record struct RingChunk(AlignedBuffer Buffer, int Count, long Offset);
