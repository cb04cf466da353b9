using System.Data.Common;
using Dapper;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Uploads;

/// <summary>Upload records in the <c>uploads</c> table; offsets advance by compare-and-swap (a
/// PATCH's together with its signature's replay-cache row, in one transaction).</summary>
public sealed class SqlUploadStore(ICloudDatabase database) : IUploadStore
{
    public async Task CreateAsync(TusUpload upload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO uploads (id, dock_id, length, upload_offset, sha256, entry_index, file_name, recorder, created_at, expires_at, completed_at, duplicate) "
            + "VALUES (@Id, @DockId, @Length, @Offset, @Sha256, @Entry, @FileName, @Recorder, @created, @expires, @completed, @duplicate)",
            new
            {
                upload.Id, upload.DockId, upload.Length, upload.Offset, upload.Sha256, upload.Entry, upload.FileName, upload.Recorder,
                created = upload.CreatedAt.ToUnixTimeMilliseconds(),
                expires = upload.ExpiresAt.ToUnixTimeMilliseconds(),
                completed = upload.CompletedAt?.ToUnixTimeMilliseconds(),
                duplicate = upload.Duplicate ? 1L : 0L,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<TusUpload?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, dock_id, length, upload_offset, sha256, entry_index, file_name, recorder, created_at, expires_at, completed_at, duplicate, offset_writer "
            + "FROM uploads WHERE id = @id",
            new { id }, cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new TusUpload(
            reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
            reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)), reader.GetInt64(11) != 0,
            reader.IsDBNull(12) ? null : reader.GetString(12));
    }

    public async Task<bool> AgencyHoldsAsync(string agencyCode, string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM uploads u JOIN docks d ON d.id = u.dock_id "
            + "WHERE u.sha256 = @sha256 AND d.agency_code = @agencyCode AND u.completed_at IS NOT NULL",
            new { agencyCode, sha256 }, cancellationToken: cancellationToken));
        return held > 0;
    }

    public async Task<bool> TryAdvanceAsync(string id, long expectedOffset, long newOffset, DateTimeOffset expiresAt, string writer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await AdvanceAsync(connection, null, id, expectedOffset, newOffset, expiresAt, writer, cancellationToken);
    }

    public async Task<UploadAdvance> TryAdvanceAsync(
        string id, long expectedOffset, long newOffset, DateTimeOffset expiresAt, string writer, PendingReplay replay, CancellationToken cancellationToken)
    {
        var outcome = await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (!await SqlReplayCache.TryInsertAsync(connection, transaction, replay, cancellationToken))
            {
                return UploadAdvance.Replayed; // nothing written: the commit is empty
            }
            return await AdvanceAsync(connection, transaction, id, expectedOffset, newOffset, expiresAt, writer, cancellationToken)
                ? UploadAdvance.Advanced
                : UploadAdvance.OffsetMoved;
        }, cancellationToken);
        replay.MarkRecorded();
        return outcome;
    }

    private static async Task<bool> AdvanceAsync(
        DbConnection connection, DbTransaction? transaction, string id, long expectedOffset, long newOffset, DateTimeOffset expiresAt, string writer,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET upload_offset = @newOffset, expires_at = @expires, offset_writer = @writer "
            + "WHERE id = @id AND upload_offset = @expectedOffset AND completed_at IS NULL",
            new { id, expectedOffset, newOffset, expires = expiresAt.ToUnixTimeMilliseconds(), writer }, transaction,
            cancellationToken: cancellationToken)) == 1;

    public async Task<bool> TryCompleteAsync(string id, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET completed_at = @at WHERE id = @id AND completed_at IS NULL AND upload_offset = length",
            new { id, at = completedAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> TryResetAsync(string id, long expectedOffset, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET upload_offset = 0, expires_at = @expires, offset_writer = NULL WHERE id = @id AND upload_offset = @expectedOffset AND completed_at IS NULL",
            new { id, expectedOffset, expires = expiresAt.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<string>> ListFullAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM uploads WHERE completed_at IS NULL AND upload_offset = length", cancellationToken: cancellationToken));
        return ids.ToList();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM uploads WHERE id = @id AND completed_at IS NULL", new { id }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM uploads WHERE completed_at IS NULL AND expires_at <= @now",
            new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return ids.ToList();
    }
}
