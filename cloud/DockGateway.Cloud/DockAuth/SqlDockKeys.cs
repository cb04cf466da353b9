using System.Collections.Concurrent;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.DockAuth;

/// <summary>Dock keys from the registry's <c>docks</c> table (public key as lower-case hex).</summary>
public sealed class SqlDockKeys(ICloudDatabase database) : IDockKeys
{
    private const string Select = "SELECT id, agency_code, origin, public_key FROM docks";
    private readonly ConcurrentDictionary<string, long> _touched = new(StringComparer.Ordinal);

    public Task<DockIdentity?> FindAsync(string dockId, CancellationToken cancellationToken) =>
        FindAsync(Select + " WHERE id = @value", dockId, cancellationToken);

    public Task<DockIdentity?> FindByOriginAsync(string origin, CancellationToken cancellationToken) =>
        FindAsync(Select + " WHERE origin = @value", origin, cancellationToken);

    public async Task TouchAsync(string dockId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // At most one write per dock every 10 s: a dock sending 16 MiB chunks would otherwise write here per chunk. This
        // instance skips the statement itself within the 10 s (an UPDATE of no row still queues for SQLite's write lock).
        var at = now.ToUnixTimeMilliseconds();
        if (_touched.TryGetValue(dockId, out var last) && at - last < 10_000 && at >= last)
        {
            return;
        }
        _touched[dockId] = at;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE docks SET last_seen_at = @at WHERE id = @dockId AND (last_seen_at IS NULL OR last_seen_at <= @stale)",
            new { dockId, at, stale = at - 10_000 }, cancellationToken: cancellationToken));
    }

    private async Task<DockIdentity?> FindAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Agency, string? Origin, string PublicKey)>(
            new CommandDefinition(sql, new { value }, cancellationToken: cancellationToken));
        var row = rows.FirstOrDefault();
        return row.Id is null || row.Origin is null
            ? null
            : new DockIdentity(row.Id, row.Agency, row.Origin, Convert.FromHexString(row.PublicKey));
    }
}
