namespace DockGateway.Device.Sync;

/// <summary>What a tus request answered: the status, the server's offset, the upload URL and any receipt note.</summary>
public sealed record TusResponse(int Status, long? Offset, Uri? Location, string? Receipt, string? Problem);
