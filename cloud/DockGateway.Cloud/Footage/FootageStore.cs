using Dapper;
using DockGateway.Cloud.Storage;

namespace DockGateway.Cloud.Footage;

/// <summary>Reads the footage index (<c>footage</c>, see <see cref="FootageIndexer"/>).</summary>
public sealed class FootageStore(ICloudDatabase database)
{
    /// <summary>The <c>footage</c> columns named as <see cref="FootageRow"/>'s properties, for queries that read whole rows.</summary>
    public const string Columns =
        "dock_id AS DockId, entry_index AS EntryIndex, agency_code AS AgencyCode, sha256 AS Sha256, size AS Size, recorder AS Recorder, "
        + "officer_badge AS OfficerBadge, path AS Path, recorded_start AS RecordedStart, recorded_end AS RecordedEnd, "
        + "ingested_at AS IngestedAt, received_at AS ReceivedAt, late AS Late, uploaded_entry_index AS UploadedEntryIndex";

    /// <summary>Every custody record of the file with this SHA-256 (one per dock entry; the same file may have been
    /// ingested more than once), oldest first.</summary>
    public async Task<IReadOnlyList<FootageRecord>> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FootageRow>(new CommandDefinition(
            $"SELECT {Columns} FROM footage WHERE sha256 = @sha256 ORDER BY received_at, dock_id, entry_index",
            new { sha256 }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }
}
