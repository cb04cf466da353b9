using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retention;

/// <summary>The <c>deletion_records</c> table: written before a blob is deleted, finished after.</summary>
public sealed class DeletionRecordStore(ICloudDatabase database)
{
    private const string Select = """
        SELECT id, sha256, dock_id, entry_index, agency_code, rule, recorded_at, by_job, state, finished_at FROM deletion_records
        """;

    /// <summary>
    /// Writes pending records for every entry of the file in one transaction, unless a hold arrived since it was
    /// planned or records already exist; false (nothing written) then.
    /// </summary>
    public Task<bool> TryRecordAsync(IReadOnlyList<RetentionCandidate> entries, string byJob, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var sha256 = entries[0].Sha256;
            var blocked = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                SELECT (SELECT COUNT(*) FROM retention_holds WHERE sha256 = @sha256 AND released_at IS NULL)
                     + (SELECT COUNT(*) FROM deletion_records WHERE sha256 = @sha256 AND state IN ('pending', 'deleted'))
                """, new { sha256 }, transaction, cancellationToken: cancellationToken));
            if (blocked > 0)
            {
                return false;
            }

            foreach (var e in entries)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO deletion_records (id, sha256, dock_id, entry_index, agency_code, rule, recorded_at, by_job, state)
                    VALUES (@id, @Sha256, @DockId, @EntryIndex, @AgencyCode, @Rule, @at, @byJob, 'pending')
                    """,
                    new { id = Guid.CreateVersion7().ToString("n"), e.Sha256, e.DockId, e.EntryIndex, e.AgencyCode, e.Rule, at = at.ToUnixTimeMilliseconds(), byJob },
                    transaction, cancellationToken: cancellationToken));
            }

            return true;
        }, cancellationToken);

    /// <summary>Files with pending records (a crash or failure came between the record and the delete).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT sha256 FROM deletion_records WHERE state = 'pending' ORDER BY sha256", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>True when an active hold names the file now.</summary>
    public async Task<bool> IsHeldAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM retention_holds WHERE sha256 = @sha256 AND released_at IS NULL", new { sha256 }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Marks the file's pending records <paramref name="state"/> (deleted or cancelled).</summary>
    public async Task FinishAsync(string sha256, string state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deletion_records SET state = @state, finished_at = @at WHERE sha256 = @sha256 AND state = 'pending'",
            new { sha256, state, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>Records of the agencies (null = all), newest first, at most 1000.</summary>
    public async Task<IReadOnlyList<DeletionRecord>> ListAsync(IReadOnlyCollection<string>? agencies, string? sha256, CancellationToken cancellationToken)
    {
        var sql = Select + " WHERE 1 = 1"
            + (agencies is null ? string.Empty : " AND " + database.AnyOf("agency_code", "agencies"))
            + (sha256 is null ? string.Empty : " AND sha256 = @sha256")
            + " ORDER BY recorded_at DESC, id DESC LIMIT 1000";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Sha256, string DockId, long EntryIndex, string AgencyCode, string Rule, long RecordedAt, string ByJob, string State, long? FinishedAt)>(
            new CommandDefinition(sql, new { agencies = agencies?.ToArray() ?? [], sha256 }, cancellationToken: cancellationToken));
        return rows.Select(r => new DeletionRecord(r.Id, r.Sha256, r.DockId, r.EntryIndex, r.AgencyCode, r.Rule,
            DateTimeOffset.FromUnixTimeMilliseconds(r.RecordedAt), r.ByJob, r.State, r.FinishedAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null)).ToList();
    }
}
