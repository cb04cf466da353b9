using DockGateway.Testing;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>One dock's custody log as the cloud mirrors and cosigns it, read straight from the cloud's database.</summary>
internal sealed class CloudCustody(string database, string dockId, string origin)
{
    /// <summary>Every mirrored entry: (index, leaf hash in hex), in index order.</summary>
    public IReadOnlyList<(long Index, string LeafHash)> Entries() =>
        ReadOnlySqlite.Query(database, "SELECT entry_index, leaf_hash FROM custody_entries WHERE dock_id = $dock ORDER BY entry_index",
            r => (r.GetInt64(0), r.GetString(1).ToLowerInvariant()), ("$dock", dockId));

    /// <summary>How many entries the cloud holds for the dock.</summary>
    public long EntryCount() =>
        ReadOnlySqlite.Query(database, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = $dock", r => r.GetInt64(0), ("$dock", dockId)).FirstOrDefault();

    /// <summary>The size of the latest checkpoint the cloud cosigned for the dock's origin (0: none).</summary>
    public long LatestCosignedSize() =>
        ReadOnlySqlite.Query(database, "SELECT size FROM witness_latest WHERE origin = $origin", r => r.GetInt64(0), ("$origin", origin)).FirstOrDefault();

    /// <summary>Every checkpoint the cloud cosigned for the dock's origin: (size, root hash in hex).</summary>
    public IReadOnlyList<(long Size, string RootHash)> Checkpoints() =>
        ReadOnlySqlite.Query(database, "SELECT size, root_hash FROM witness_checkpoints WHERE origin = $origin ORDER BY size",
            r => (r.GetInt64(0), r.GetString(1).ToLowerInvariant()), ("$origin", origin));
}
