using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Uploads;

/// <summary>
/// One writer per upload across every cloud instance. Within this process a set of held ids; on PostgreSQL also
/// a session advisory lock (<c>pg_try_advisory_lock</c>) on a connection held for as long as the lock, so two
/// instances behind a load balancer never append to one upload at once (a crashed holder's lock goes with its
/// connection). SQLite needs no more: one instance per database file (<see cref="SqliteInstanceGuard"/>).
/// </summary>
public sealed class UploadLocks(ICloudDatabase database)
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    /// <summary>Takes the upload's lock, or returns null when another request (here or on another instance) holds it.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(string uploadId, CancellationToken cancellationToken)
    {
        if (!_held.TryAdd(uploadId, 0))
        {
            return null;
        }

        if (database.Dialect != SqlDialect.Postgres)
        {
            return new Release(_held, uploadId, null, 0);
        }

        var key = AdvisoryKey(uploadId);
        DbConnection? connection = null;
        try
        {
            connection = await database.OpenConnectionAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)))
            {
                return new Release(_held, uploadId, connection, key);
            }
        }
        catch
        {
            _held.TryRemove(uploadId, out _);
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            throw;
        }

        _held.TryRemove(uploadId, out _);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The 64-bit advisory lock key of an upload: the first 8 bytes of SHA-256("dockgateway/upload/" + id).</summary>
    public static long AdvisoryKey(string uploadId) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("dockgateway/upload/" + uploadId)));

    private sealed class Release(ConcurrentDictionary<string, byte> held, string uploadId, DbConnection? connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    // Unlock before the connection goes back to the pool: a pooled session would keep holding it.
                    await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                held.TryRemove(uploadId, out _);
            }
        }
    }
}
