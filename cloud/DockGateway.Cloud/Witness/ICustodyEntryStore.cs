namespace DockGateway.Cloud.Witness;

/// <summary>The custody entries docks have posted, in log order per dock.</summary>
public interface ICustodyEntryStore
{
    /// <summary>The leaf hashes of every stored entry of the dock, by index.</summary>
    Task<IReadOnlyList<byte[]>> LeafHashesAsync(string dockId, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="entries"/> only while the dock still has exactly
    /// <paramref name="expectedCount"/> entries; false (nothing written) otherwise.</summary>
    Task<bool> TryAppendAsync(string dockId, long expectedCount, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEntry>> ListAsync(string dockId, long fromIndex, int limit, CancellationToken cancellationToken);
}
