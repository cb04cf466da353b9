using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.DockAuth;

/// <summary>The replay cache as a table with a primary key on (keyid, replay key): the insert
/// itself decides, atomically across instances, whether a signature is new.</summary>
public sealed class SqlReplayCache(ICloudDatabase database) : IReplayCache
{
    private long _inserts;

    public async Task<bool> TryRecordAsync(
        string keyId, string replayKey, DateTimeOffset seenAt, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (Interlocked.Increment(ref _inserts) % 256 == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM dock_signature_replays WHERE seen_at < @before",
                new { before = forgetBefore.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        }
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dock_signature_replays (key_id, replay_key, seen_at) VALUES (@keyId, @replayKey, @at) "
            + "ON CONFLICT (key_id, replay_key) DO NOTHING",
            new { keyId, replayKey, at = seenAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
