using Dapper;
using DockGateway.Cloud.Retrieval;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retention;

/// <summary>
/// Which stored files retention lets go by a given time: every custody entry of the file is past its agency's
/// retention (counted from the later of the recording's end and the cloud's receipt), the file is stored and not
/// yet deleted, and no active hold names it. Entries of a file held by any agency keep it.
/// </summary>
public sealed class RetentionPlanner(ICloudDatabase database)
{
    private const long DayMs = 86_400_000L;

    private static string Due(string footage, string settings) =>
        $"(CASE WHEN {footage}.recorded_end > {footage}.received_at THEN {footage}.recorded_end ELSE {footage}.received_at END "
        + $"+ COALESCE({settings}.retention_days, {EvidenceSettings.MinimumRetentionDays}) * {DayMs})";

    /// <summary>Every entry of every file due by <paramref name="horizon"/>, grouped by file, soonest first; <paramref name="agencies"/> null = all.</summary>
    public async Task<IReadOnlyList<IGrouping<string, RetentionCandidate>>> DueByAsync(
        DateTimeOffset horizon, IReadOnlyCollection<string>? agencies, CancellationToken cancellationToken)
    {
        var due = Due("f", "s");
        var otherDue = Due("g", "gs");
        var sql = $"""
            SELECT f.sha256 AS Sha256, f.dock_id AS DockId, f.entry_index AS EntryIndex, f.agency_code AS AgencyCode, f.size AS Size, f.path AS Path,
                   COALESCE(s.retention_days, {EvidenceSettings.MinimumRetentionDays}) AS RetentionDays, {due} AS DueAt
            FROM footage f
            LEFT JOIN evidence_settings s ON s.agency_code = f.agency_code
            WHERE EXISTS (SELECT 1 FROM uploads u WHERE u.sha256 = f.sha256 AND u.completed_at IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM deletion_records d WHERE d.sha256 = f.sha256 AND d.state IN ('pending', 'deleted'))
              AND NOT EXISTS (SELECT 1 FROM retention_holds h WHERE h.sha256 = f.sha256 AND h.released_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM footage g LEFT JOIN evidence_settings gs ON gs.agency_code = g.agency_code
                              WHERE g.sha256 = f.sha256 AND {otherDue} > @horizon)
              {(agencies is null ? string.Empty : "AND " + database.AnyOf("f.agency_code", "agencies"))}
            ORDER BY f.sha256, f.dock_id, f.entry_index
            """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Sha256, string DockId, long EntryIndex, string AgencyCode, long Size, string Path, long RetentionDays, long DueAt)>(
            new CommandDefinition(sql, new { horizon = horizon.ToUnixTimeMilliseconds(), agencies = agencies?.ToArray() ?? [] }, cancellationToken: cancellationToken));
        return rows
            .Select(r => new RetentionCandidate(r.Sha256, r.DockId, r.EntryIndex, r.AgencyCode, r.Size, r.Path, (int)r.RetentionDays, DateTimeOffset.FromUnixTimeMilliseconds(r.DueAt)))
            .GroupBy(c => c.Sha256, StringComparer.Ordinal)
            .OrderBy(g => g.Max(c => c.DueAt)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }
}
