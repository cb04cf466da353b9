using System.Collections.Concurrent;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Shared.Merkle;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// Each dock's custody-log Merkle tree, kept in memory between custody-file requests and extended with only the entries
/// stored since (a bounded query: <c>entry_index &gt;= held</c>). Safe because a dock's stored entries only ever grow as a
/// contiguous prefix (<c>ICustodyEntryStore.TryAppendAsync</c> appends only at the expected count; nothing updates or deletes
/// them). At most <see cref="MaxLeaves"/> leaves are held across docks (about 64 bytes each with the cached subtree hashes);
/// the least recently used docks are dropped past that. One request at a time per dock (the tree is not thread-safe).
/// </summary>
public sealed class DockLeafCache(ICloudDatabase database)
{
    public const long MaxLeaves = 4_000_000;

    private readonly ConcurrentDictionary<string, Held> _docks = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="use"/> on the dock's tree holding every entry stored when it runs.</summary>
    public async Task<T> WithTreeAsync<T>(string dockId, Func<MerkleTree, T> use, CancellationToken cancellationToken)
    {
        var held = _docks.GetOrAdd(dockId, _ => new Held());
        await held.Gate.WaitAsync(cancellationToken);
        try
        {
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            {
                var fresh = await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT leaf_hash FROM custody_entries WHERE dock_id = @dockId AND entry_index >= @from ORDER BY entry_index",
                    new { dockId, from = held.Tree.Size }, cancellationToken: cancellationToken));
                foreach (var hex in fresh)
                {
                    held.Tree.AppendLeafHash(Convert.FromHexString(hex));
                }
            }

            held.LastUsed = Environment.TickCount64;
            return use(held.Tree);
        }
        finally
        {
            held.Gate.Release();
            Trim(dockId);
        }
    }

    private void Trim(string keep)
    {
        var total = _docks.Values.Sum(h => h.Tree.Size);
        foreach (var (dockId, held) in _docks.OrderBy(p => p.Value.LastUsed).ToList())
        {
            if (total <= MaxLeaves)
            {
                return;
            }

            if (dockId != keep && _docks.TryRemove(dockId, out var dropped))
            {
                total -= dropped.Tree.Size;
            }
        }
    }

    private sealed class Held
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public MerkleTree Tree { get; } = new();

        public long LastUsed { get; set; }
    }
}
