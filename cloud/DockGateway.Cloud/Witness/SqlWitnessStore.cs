using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Witness;

/// <summary>Witness state in <c>witness_latest</c> (compare-and-swap on size), <c>witness_checkpoints</c>
/// and <c>witness_rejections</c>.</summary>
public sealed class SqlWitnessStore(ICloudDatabase database) : IWitnessStore
{
    private const string SelectCheckpoint = "SELECT origin, size, root_hash, note, cosigned_at FROM witness_checkpoints";

    public async Task<CosignedCheckpoint?> LatestAsync(string origin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await ReadAsync(connection, SelectCheckpoint
            + " WHERE origin = @origin AND size = (SELECT size FROM witness_latest WHERE origin = @origin)", new { origin }, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<CosignedCheckpoint?> FindAsync(string origin, long size, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await ReadAsync(connection, SelectCheckpoint + " WHERE origin = @origin AND size = @size", new { origin, size }, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<CosignedCheckpoint>> ListAsync(string origin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, SelectCheckpoint + " WHERE origin = @origin ORDER BY size", new { origin }, cancellationToken);
    }

    public Task<bool> TryAdvanceAsync(CosignedCheckpoint checkpoint, long? expectedSize, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var values = new
            {
                checkpoint.Origin,
                checkpoint.Size,
                root = Convert.ToHexStringLower(checkpoint.RootHash),
                checkpoint.Note,
                at = checkpoint.CosignedAt.ToUnixTimeMilliseconds(),
                expectedSize,
            };
            var swapped = expectedSize is null
                ? await connection.ExecuteAsync(
                    "INSERT INTO witness_latest (origin, size, root_hash, cosigned_at) VALUES (@Origin, @Size, @root, @at) ON CONFLICT (origin) DO NOTHING",
                    values, transaction)
                : await connection.ExecuteAsync(
                    "UPDATE witness_latest SET size = @Size, root_hash = @root, cosigned_at = @at WHERE origin = @Origin AND size = @expectedSize",
                    values, transaction);
            if (swapped != 1)
            {
                return false;
            }
            await connection.ExecuteAsync(
                "INSERT INTO witness_checkpoints (origin, size, root_hash, note, cosigned_at) VALUES (@Origin, @Size, @root, @Note, @at) "
                + "ON CONFLICT (origin, size) DO NOTHING",
                values, transaction);
            return true;
        }, cancellationToken);

    public async Task RecordRejectedAsync(string origin, string body, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO witness_rejections (id, origin, body, reason, at) VALUES (@id, @origin, @body, @reason, @at)",
            new { id = Guid.CreateVersion7().ToString(), origin, body, reason, at = at.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    private static async Task<List<CosignedCheckpoint>> ReadAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Origin, long Size, string Root, string Note, long At)>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new CosignedCheckpoint(r.Origin, r.Size, Convert.FromHexString(r.Root), r.Note,
            DateTimeOffset.FromUnixTimeMilliseconds(r.At))).ToList();
    }
}
