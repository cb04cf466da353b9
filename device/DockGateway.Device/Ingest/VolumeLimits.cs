namespace DockGateway.Device.Ingest;

/// <summary>Caps that keep a hostile volume from exhausting the dock.</summary>
public sealed record VolumeLimits(long MaxEntries, int MaxDepth, int MaxNameBytes, int MaxPathBytes);
