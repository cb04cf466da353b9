using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retention;

/// <summary>The <c>retention_holds</c> table (rows are released, never deleted).</summary>
public sealed class HoldStore(ICloudDatabase database)
{
    private const string Select = """
        SELECT id AS Id, sha256 AS Sha256, agency_code AS AgencyCode, case_id AS CaseId, reason AS Reason, placed_at AS PlacedAt,
               placed_by AS PlacedBy, released_at AS ReleasedAt, released_by AS ReleasedBy
        FROM retention_holds
        """;

    public async Task<RetentionHold?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync(Select + " WHERE id = @id", new { id }, cancellationToken)) is [var first, ..] ? first : null;

    /// <summary>Holds of the agencies (null = all), optionally of one file and only the active ones, newest first.</summary>
    public Task<IReadOnlyList<RetentionHold>> ListAsync(IReadOnlyCollection<string>? agencies, string? sha256, bool activeOnly, CancellationToken cancellationToken) =>
        QueryAsync(Select + " WHERE 1 = 1"
            + (agencies is null ? string.Empty : " AND " + database.AnyOf("agency_code", "agencies"))
            + (sha256 is null ? string.Empty : " AND sha256 = @sha256")
            + (activeOnly ? " AND released_at IS NULL" : string.Empty)
            + " ORDER BY placed_at DESC, id DESC LIMIT 1000",
            new { agencies = agencies?.ToArray() ?? [], sha256 }, cancellationToken);

    /// <summary>Releases an active hold; false when it was already released.</summary>
    public async Task<bool> ReleaseAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE retention_holds SET released_at = @at, released_by = @by WHERE id = @id AND released_at IS NULL",
            new { id, by, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)) == 1;
    }

    private async Task<IReadOnlyList<RetentionHold>> QueryAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Sha256, string AgencyCode, string? CaseId, string Reason, long PlacedAt, string PlacedBy, long? ReleasedAt, string? ReleasedBy)>(
            new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => new RetentionHold(r.Id, r.Sha256, r.AgencyCode, r.CaseId, r.Reason, DateTimeOffset.FromUnixTimeMilliseconds(r.PlacedAt), r.PlacedBy,
            r.ReleasedAt is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null, r.ReleasedBy)).ToList();
    }
}
