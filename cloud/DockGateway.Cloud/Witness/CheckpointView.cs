namespace DockGateway.Cloud.Witness;

/// <summary>A checkpoint the cloud cosigned for a dock's log: origin, size, root hash (base64), when, and the cosigned note.</summary>
public sealed record CheckpointView(string Origin, long Size, string RootHash, DateTimeOffset CosignedAt, string Note);
