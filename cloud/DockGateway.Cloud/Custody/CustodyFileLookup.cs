using Dapper;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Witness;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// The custody records of a file by SHA-256 (footage index), each with its <c>ingested</c> and <c>uploaded</c> entries
/// verbatim and their inclusion proofs to the largest cosigned checkpoint whose entries the cloud holds
/// (<see cref="DockProofs"/>). Proofs come from the dock's tree held in <see cref="DockLeafCache"/>, which reads only the
/// entries stored since the last request, not every leaf each time.
/// </summary>
public sealed class CustodyFileLookup(
    FootageStore footage, IDockKeys docks, ICustodyEntryStore entries, IWitnessStore witness, OfficerStore officers,
    CloudSigningKeys keys, ICloudDatabase database, DockLeafCache trees)
{
    /// <summary>The records in agencies <paramref name="canSee"/> accepts, oldest first (empty: not in custody for the caller).</summary>
    public async Task<IReadOnlyList<CustodyFileRecord>> FindAsync(string sha256, Func<string, bool> canSee, CancellationToken cancellationToken)
    {
        var records = new List<CustodyFileRecord>();
        var proofs = new Dictionary<string, DockProofs?>(StringComparer.Ordinal);
        var rows = await footage.FindBySha256Async(sha256, cancellationToken);
        foreach (var row in rows)
        {
            if (!canSee(row.AgencyCode) || await docks.FindAsync(row.DockId, cancellationToken) is not { } dock)
            {
                continue;
            }

            if (!proofs.TryGetValue(dock.DockId, out var dockProofs))
            {
                var cosigned = await witness.ListAsync(dock.Origin, cancellationToken);
                var indices = rows.Where(r => r.DockId == dock.DockId)
                    .SelectMany(r => r.UploadedEntryIndex is { } u ? new[] { r.EntryIndex, u } : [r.EntryIndex]).ToList();
                dockProofs = await trees.WithTreeAsync(dock.DockId, tree => DockProofs.Build(tree, cosigned, indices), cancellationToken);
                proofs[dock.DockId] = dockProofs;
            }

            records.Add(new CustodyFileRecord
            {
                DockId = dock.DockId, Origin = dock.Origin, AgencyCode = row.AgencyCode, Recorder = row.Recorder, OfficerBadge = row.OfficerBadge,
                OfficerName = row.OfficerBadge is null ? null : (await officers.FindAsync(row.AgencyCode, row.OfficerBadge, cancellationToken))?.Name,
                Path = row.Path, RecordedStart = row.RecordedStart, RecordedEnd = row.RecordedEnd, IngestedAt = row.IngestedAt, Size = row.Size, Late = row.Late,
                InCloud = await InCloudAsync(dock.DockId, row.EntryIndex, cancellationToken),
                Ingested = await EntryAsync(dock.DockId, row.EntryIndex, dockProofs, cancellationToken),
                Uploaded = row.UploadedEntryIndex is { } uploaded ? await EntryAsync(dock.DockId, uploaded, dockProofs, cancellationToken) : null,
                CheckpointSize = dockProofs?.Checkpoint.Size, CosignedAt = dockProofs?.Checkpoint.CosignedAt,
                DockKey = DockCheckpointKey.VerifierKey(dock), WitnessKey = keys.Cosigner.VerifierKey,
            });
        }

        return records;
    }

    private async Task<CustodyEntryProof> EntryAsync(string dockId, long index, DockProofs? dockProofs, CancellationToken cancellationToken)
    {
        var stored = (await entries.ListAsync(dockId, index, 1, cancellationToken)).SingleOrDefault(e => e.Index == index)
            ?? throw new InvalidOperationException($"the footage index names entry {index} of dock {dockId}, which the cloud does not hold");
        return new CustodyEntryProof(index, stored.Json, dockProofs?.Proof(index));
    }

    private async Task<bool> InCloudAsync(string dockId, long index, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM uploads WHERE dock_id = @dockId AND entry_index = @index AND completed_at IS NOT NULL",
            new { dockId, index }, cancellationToken: cancellationToken)) > 0;
    }
}
