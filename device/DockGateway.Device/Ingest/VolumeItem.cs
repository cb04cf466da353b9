namespace DockGateway.Device.Ingest;

/// <summary>One thing found on a recorder volume: a file to ingest, or a problem to record.</summary>
public sealed record VolumeItem(VolumePath Path, VolumeItemKind Kind, FileIdentity? Identity, string? Detail = null);
