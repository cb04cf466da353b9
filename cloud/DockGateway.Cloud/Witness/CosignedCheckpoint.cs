namespace DockGateway.Cloud.Witness;

/// <summary>A checkpoint the cloud cosigned: the dock's signed note with the cloud's cosignature line added.</summary>
public sealed record CosignedCheckpoint(string Origin, long Size, byte[] RootHash, string Note, DateTimeOffset CosignedAt);
