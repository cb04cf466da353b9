using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.DockAuth;

/// <summary>The replay cache as a table with a primary key on (keyid, replay key): the insert
/// itself decides, atomically across instances, whether a signature is new.</summary>
public sealed class SqlReplayCache(ICloudDatabase database) : IReplayCache
{
    private long _uses;

    public async Task<bool> TryRecordAsync(
        string keyId, string replayKey, DateTimeOffset seenAt, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ForgetOldAsync(connection, forgetBefore, cancellationToken);
        return await TryInsertAsync(connection, null, new PendingReplay(keyId, replayKey, seenAt), cancellationToken);
    }

    public async Task<bool> SeenAsync(string keyId, string replayKey, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ForgetOldAsync(connection, forgetBefore, cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM dock_signature_replays WHERE key_id = @keyId AND replay_key = @replayKey",
            new { keyId, replayKey }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Inserts the row on <paramref name="connection"/>, inside <paramref name="transaction"/> when given
    /// (the upload store's offset commit); false when it was already there (a replay).</summary>
    internal static async Task<bool> TryInsertAsync(
        DbConnection connection, DbTransaction? transaction, PendingReplay replay, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dock_signature_replays (key_id, replay_key, seen_at) VALUES (@keyId, @replayKey, @at) "
            + "ON CONFLICT (key_id, replay_key) DO NOTHING",
            new { keyId = replay.KeyId, replayKey = replay.ReplayKey, at = replay.SeenAt.ToUnixTimeMilliseconds() },
            transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Every 256th use, drops the rows older than the freshness window.</summary>
    private async Task ForgetOldAsync(DbConnection connection, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _uses) % 256 == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM dock_signature_replays WHERE seen_at < @before",
                new { before = forgetBefore.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        }
    }
}
