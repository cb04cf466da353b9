namespace DockGateway.Cloud.Witness;

/// <summary>What the witness has seen per origin, shared by every cloud instance.</summary>
public interface IWitnessStore
{
    /// <summary>The largest checkpoint cosigned for <paramref name="origin"/>, or null.</summary>
    Task<CosignedCheckpoint?> LatestAsync(string origin, CancellationToken cancellationToken);

    /// <summary>A cosigned checkpoint of exactly <paramref name="size"/>, or null.</summary>
    Task<CosignedCheckpoint?> FindAsync(string origin, long size, CancellationToken cancellationToken);

    Task<IReadOnlyList<CosignedCheckpoint>> ListAsync(string origin, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="checkpoint"/> the latest for its origin, only if the latest is still of
    /// size <paramref name="expectedSize"/> (null: none yet). False when another request won.
    /// </summary>
    Task<bool> TryAdvanceAsync(CosignedCheckpoint checkpoint, long? expectedSize, CancellationToken cancellationToken);

    /// <summary>Keeps a refused checkpoint as evidence.</summary>
    Task RecordRejectedAsync(string origin, string body, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
