using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Retention;
using DockGateway.Cloud.Retrieval;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Cases;

/// <summary>The <c>cases</c> and <c>case_footage</c> tables; linking footage places its retention hold in the same transaction.</summary>
public sealed class CaseStore(ICloudDatabase database)
{
    private const string Select = """
        SELECT id AS Id, agency_code AS AgencyCode, case_number AS CaseNumber, enforcement_type AS EnforcementType,
               action_ended_on AS ActionEndedOn, archive_due_at AS ArchiveDueAt, created_at AS CreatedAt, created_by AS CreatedBy,
               archived_at AS ArchivedAt, archived_by AS ArchivedBy, overdue_at AS OverdueAt
        FROM cases
        """;

    /// <summary>Creates the case; false when the agency already has that case number.</summary>
    public async Task<bool> TryCreateAsync(CaseFile file, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM cases WHERE agency_code = @AgencyCode AND case_number = @CaseNumber",
                new { file.AgencyCode, file.CaseNumber }, transaction, cancellationToken: cancellationToken));
            if (exists > 0)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO cases (id, agency_code, case_number, enforcement_type, action_ended_on, archive_due_at, created_at, created_by)
                VALUES (@Id, @AgencyCode, @CaseNumber, @EnforcementType, @ActionEndedOn, @due, @created, @CreatedBy)
                """,
                new { file.Id, file.AgencyCode, file.CaseNumber, file.EnforcementType, file.ActionEndedOn, due = file.ArchiveDueAt.ToUnixTimeMilliseconds(), created = file.CreatedAt.ToUnixTimeMilliseconds(), file.CreatedBy },
                transaction, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    public async Task<CaseFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = (await connection.QueryAsync<CaseRow>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: cancellationToken))).FirstOrDefault();
        return row is null ? null : row.ToCase(await LinksAsync(connection, id, cancellationToken));
    }

    /// <summary>Cases of the agencies (null = all), newest first; <paramref name="overdueOnly"/>: flagged overdue by the deadline job and not archived.</summary>
    public async Task<IReadOnlyList<CaseFile>> ListAsync(IReadOnlyCollection<string>? agencies, bool overdueOnly, CancellationToken cancellationToken)
    {
        var sql = Select + " WHERE 1 = 1"
            + (agencies is null ? string.Empty : " AND " + database.AnyOf("agency_code", "agencies"))
            + (overdueOnly ? " AND overdue_at IS NOT NULL AND archived_at IS NULL ORDER BY archive_due_at, id" : " ORDER BY created_at DESC, id DESC")
            + " LIMIT 1000";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CaseRow>(new CommandDefinition(sql, new { agencies = agencies?.ToArray() ?? [] }, cancellationToken: cancellationToken))).ToList();
        var cases = new List<CaseFile>(rows.Count);
        foreach (var row in rows)
        {
            cases.Add(row.ToCase(await LinksAsync(connection, row.Id, cancellationToken)));
        }

        return cases;
    }

    /// <summary>Links footage rows to the case and holds their files (one hold per case and file); returns how many links are new.</summary>
    public Task<int> LinkAsync(CaseFile file, IReadOnlyList<FootageHit> footage, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var added = 0;
            foreach (var f in footage)
            {
                var linked = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM case_footage WHERE case_id = @Id AND dock_id = @DockId AND entry_index = @EntryIndex",
                    new { file.Id, f.DockId, f.EntryIndex }, transaction, cancellationToken: cancellationToken));
                if (linked > 0)
                {
                    continue;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO case_footage (case_id, dock_id, entry_index, sha256, linked_at, linked_by) VALUES (@Id, @DockId, @EntryIndex, @Sha256, @at, @by)",
                    new { file.Id, f.DockId, f.EntryIndex, f.Sha256, at = at.ToUnixTimeMilliseconds(), by }, transaction, cancellationToken: cancellationToken));
                await HoldWriter.PlaceForCaseAsync(connection, transaction, f.Sha256, file, by, at, cancellationToken);
                added++;
            }

            return added;
        }, cancellationToken);

    /// <summary>Marks the case archived; false when it already was.</summary>
    public async Task<bool> ArchiveAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET archived_at = @at, archived_by = @by WHERE id = @id AND archived_at IS NULL",
            new { id, by, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Flags every unarchived case whose archive was due by <paramref name="now"/> and not yet flagged; returns how many.</summary>
    public async Task<int> FlagOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET overdue_at = @now WHERE archived_at IS NULL AND overdue_at IS NULL AND archive_due_at <= @now",
            new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    private static async Task<IReadOnlyList<CaseFootageLink>> LinksAsync(DbConnection connection, string caseId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string DockId, long EntryIndex, string Sha256, long LinkedAt, string LinkedBy)>(new CommandDefinition(
            "SELECT dock_id, entry_index, sha256, linked_at, linked_by FROM case_footage WHERE case_id = @caseId ORDER BY dock_id, entry_index",
            new { caseId }, cancellationToken: cancellationToken));
        return rows.Select(r => new CaseFootageLink(r.DockId, r.EntryIndex, r.Sha256, DateTimeOffset.FromUnixTimeMilliseconds(r.LinkedAt), r.LinkedBy)).ToList();
    }
}
