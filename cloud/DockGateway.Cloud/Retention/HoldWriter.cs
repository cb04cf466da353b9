using System.Data.Common;
using Dapper;
using DockGateway.Cloud.Cases;

namespace DockGateway.Cloud.Retention;

/// <summary>Places retention holds inside a caller's transaction.</summary>
public static class HoldWriter
{
    /// <summary>Holds the file for the case unless the case already holds it (and has not been released).</summary>
    public static async Task PlaceForCaseAsync(
        DbConnection connection, DbTransaction transaction, string sha256, CaseFile file, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var held = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM retention_holds WHERE sha256 = @sha256 AND case_id = @Id AND released_at IS NULL",
            new { sha256, file.Id }, transaction, cancellationToken: cancellationToken));
        if (held > 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO retention_holds (id, sha256, agency_code, case_id, reason, placed_at, placed_by)
            VALUES (@holdId, @sha256, @AgencyCode, @caseId, @reason, @at, @by)
            """,
            new { holdId = Guid.CreateVersion7().ToString("n"), sha256, file.AgencyCode, caseId = file.Id, reason = $"evidence in case {file.CaseNumber}", at = at.ToUnixTimeMilliseconds(), by },
            transaction, cancellationToken: cancellationToken));
    }
}
