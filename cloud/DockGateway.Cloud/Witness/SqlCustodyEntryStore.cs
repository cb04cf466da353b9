using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Witness;

/// <summary>Custody entries in <c>custody_entries</c>, keyed by (dock, index).</summary>
public sealed class SqlCustodyEntryStore(ICloudDatabase database) : ICustodyEntryStore
{
    public async Task<IReadOnlyList<byte[]>> LeafHashesAsync(string dockId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var hashes = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT leaf_hash FROM custody_entries WHERE dock_id = @dockId ORDER BY entry_index",
            new { dockId }, cancellationToken: cancellationToken));
        return hashes.Select(Convert.FromHexString).ToList();
    }

    public async Task<bool> TryAppendAsync(string dockId, long expectedCount, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            return await database.InTransactionAsync(async (connection, transaction) =>
            {
                var count = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @dockId", new { dockId }, transaction);
                if (count != expectedCount)
                {
                    return false;
                }
                await connection.ExecuteAsync(
                    "INSERT INTO custody_entries (dock_id, entry_index, entry_json, leaf_hash, received_at) VALUES (@dockId, @Index, @Json, @leaf, @at)",
                    entries.Select(e => new { dockId, e.Index, e.Json, leaf = Convert.ToHexStringLower(e.LeafHash), at = e.ReceivedAt.ToUnixTimeMilliseconds() }),
                    transaction);
                await FootageIndexer.AddAsync(connection, transaction, dockId, entries);
                return true;
            }, cancellationToken);
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StoredEntry>> ListAsync(string dockId, long fromIndex, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Index, string Json, string Leaf, long At)>(new CommandDefinition(
            "SELECT entry_index, entry_json, leaf_hash, received_at FROM custody_entries WHERE dock_id = @dockId AND entry_index >= @fromIndex "
            + "ORDER BY entry_index LIMIT @limit",
            new { dockId, fromIndex, limit = (long)limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredEntry(r.Index, r.Json, Convert.FromHexString(r.Leaf), DateTimeOffset.FromUnixTimeMilliseconds(r.At))).ToList();
    }
}
