using System.Data;
using System.Text;
using Dapper;
using DockGateway.Cloud.Officers;
using DockGateway.Cloud.Timeliness;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Custody;

namespace DockGateway.Cloud.Footage;

/// <summary>
/// Keeps the footage index in step with the custody entries: an <c>ingested</c> entry adds a row (with the
/// dock's agency and the recorder's assigned officer now), an <c>uploaded</c> entry marks the row of the entry it
/// names. Runs inside the transaction that stores the entries, so the index never disagrees with them; the rollups read
/// by the console (<see cref="TimelinessRollup"/>, <see cref="OfficerFootageStats"/>) move in the same transaction.
/// </summary>
public static class FootageIndexer
{
    private const string Insert =
        "INSERT INTO footage (dock_id, entry_index, agency_code, sha256, size, recorder, officer_badge, path, recorded_start, "
        + "recorded_end, ingested_at, received_at, late, uploaded_entry_index) "
        + "SELECT d.id, @Index, d.agency_code, @Sha256, @Size, @Recorder, "
        + "(SELECT r.assigned_badge FROM recorders r WHERE r.serial = @Recorder AND r.agency_code = d.agency_code), "
        + "@Path, @RecordedStart, @RecordedEnd, @IngestedAt, @ReceivedAt, @Late, NULL FROM docks d WHERE d.id = @DockId "
        + "RETURNING agency_code, officer_badge";

    private const string MarkUploaded =
        "UPDATE footage SET uploaded_entry_index = @Index WHERE dock_id = @DockId AND entry_index = @Entry";

    /// <summary>Indexes <paramref name="entries"/> of <paramref name="dockId"/>, in order, within <paramref name="transaction"/>.</summary>
    public static async Task AddAsync(IDbConnection connection, IDbTransaction transaction, string dockId, IEnumerable<StoredEntry> entries)
    {
        var indexed = new List<(string Agency, string? Badge, long RecordedEnd, long IngestedAt)>();
        foreach (var stored in entries)
        {
            // The witness stores any well-formed entry a dock signed; one this version cannot read is kept, just not indexed.
            CustodyEntryCodec.TryDecode(Encoding.UTF8.GetBytes(stored.Json), null, out var entry, out _);
            switch (entry)
            {
                case IngestedEntry ingested:
                    var rows = await connection.QueryAsync<(string Agency, string? Badge)>(Insert, new
                    {
                        DockId = dockId,
                        stored.Index,
                        ingested.Sha256,
                        ingested.Size,
                        ingested.Recorder,
                        ingested.Path,
                        RecordedStart = ingested.RecordedStart.ToUnixTimeMilliseconds(),
                        RecordedEnd = ingested.RecordedEnd.ToUnixTimeMilliseconds(),
                        IngestedAt = ingested.Time.ToUnixTimeMilliseconds(),
                        ReceivedAt = stored.ReceivedAt.ToUnixTimeMilliseconds(),
                        Late = ingested.Late ? 1L : 0L,
                    }, transaction);
                    foreach (var added in rows)
                    {
                        indexed.Add((added.Agency, added.Badge, ingested.RecordedEnd.ToUnixTimeMilliseconds(), ingested.Time.ToUnixTimeMilliseconds()));
                    }

                    break;
                case UploadedEntry uploaded:
                    await connection.ExecuteAsync(MarkUploaded, new { DockId = dockId, stored.Index, uploaded.Entry }, transaction);
                    break;
            }
        }

        foreach (var agency in indexed.GroupBy(r => r.Agency, StringComparer.Ordinal))
        {
            await TimelinessRollup.AddAsync(connection, transaction, agency.Key, agency.Select(r => (r.RecordedEnd, r.IngestedAt)));
            await OfficerFootageStats.AddAsync(connection, transaction, agency.Key, agency.Where(r => r.Badge is not null).Select(r => (r.Badge!, r.IngestedAt)));
        }
    }
}
