using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Retrieval;

/// <summary>The <c>evidence_settings</c> table: one row per agency that changed the defaults.</summary>
public sealed class EvidenceSettingsStore(ICloudDatabase database)
{
    public async Task<EvidenceSettings> GetAsync(string agencyCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Agency, long Approval, long Days, long UpdatedAt, string UpdatedBy)>(new CommandDefinition(
            "SELECT agency_code, download_approval, retention_days, updated_at, updated_by FROM evidence_settings WHERE agency_code = @agencyCode",
            new { agencyCode }, cancellationToken: cancellationToken));
        var r = rows.FirstOrDefault();
        return r.Agency is not null
            ? new EvidenceSettings(r.Agency, r.Approval != 0, (int)r.Days, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAt), r.UpdatedBy)
            : EvidenceSettings.Default(agencyCode);
    }

    public async Task SaveAsync(EvidenceSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO evidence_settings (agency_code, download_approval, retention_days, updated_at, updated_by)
            VALUES (@AgencyCode, @approval, @RetentionDays, @at, @UpdatedBy)
            ON CONFLICT (agency_code) DO UPDATE SET download_approval = excluded.download_approval,
                retention_days = excluded.retention_days, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            new { settings.AgencyCode, approval = settings.DownloadApproval ? 1L : 0L, RetentionDays = (long)settings.RetentionDays, at = settings.UpdatedAt!.Value.ToUnixTimeMilliseconds(), settings.UpdatedBy },
            cancellationToken: cancellationToken));
    }
}
