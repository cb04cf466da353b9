using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Metrics;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Notes;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// The witness rule, and the only code that cosigns (like transparency-dev witness's <c>Update</c>): a dock's
/// signed checkpoint is cosigned (tlog-cosignature v1) only when its origin is the dock's, it is signed by the
/// dock's key and the <see cref="ConsistencyEvidence"/> proves it consistent with the latest checkpoint cosigned
/// for that origin; it is then stored by compare-and-swap. Every refusal is kept as evidence. A 409 answer
/// (<see cref="WitnessAnswer.Size"/>) is not a refusal: the dock's view of the latest size is stale.
/// </summary>
public sealed class CheckpointCosigner(
    IWitnessStore store,
    CloudSigningKeys keys,
    CloudMetrics metrics,
    TimeProvider time,
    ILogger<CheckpointCosigner> logger)
{
    public async Task<WitnessAnswer> UpdateAsync(
        DockIdentity dock, string signedCheckpoint, ConsistencyEvidence evidence, CancellationToken cancellationToken)
    {
        SignedNote note;
        Checkpoint checkpoint;
        try
        {
            note = SignedNote.Parse(signedCheckpoint);
            checkpoint = Checkpoint.Parse(note.Text);
        }
        catch (FormatException e)
        {
            return await RejectAsync(dock.Origin, evidence, evidence.BadSignature(e.Message), WitnessRefusalReasons.BadSignature, cancellationToken);
        }
        if (checkpoint.Origin != dock.Origin)
        {
            return await RejectAsync(checkpoint.Origin, evidence, evidence.ForeignOrigin(checkpoint), WitnessRefusalReasons.ForeignOrigin, cancellationToken);
        }
        try
        {
            NoteVerification.Open(signedCheckpoint, [DockCheckpointKey.Verifier(dock)]);
        }
        catch (Exception e) when (e is NoteVerificationException or FormatException)
        {
            return await RejectAsync(dock.Origin, evidence, evidence.BadSignature(e.Message), WitnessRefusalReasons.BadSignature, cancellationToken);
        }
        if (evidence.Malformed(checkpoint) is { } malformed)
        {
            return await RejectAsync(dock.Origin, evidence, malformed, WitnessRefusalReasons.Malformed, cancellationToken);
        }

        var latest = await store.LatestAsync(dock.Origin, cancellationToken);
        var latestSize = latest?.Size ?? 0;
        if (evidence.ClaimedOldSize is { } old && old != latestSize)
        {
            return WitnessAnswer.Size(latestSize);
        }
        if (evidence.Inconsistency(checkpoint, latest) is { } inconsistency)
        {
            return await RejectAsync(dock.Origin, evidence, inconsistency, WitnessRefusalReasons.Inconsistent, cancellationToken);
        }
        if (latest is not null && latest.Size == checkpoint.Size && StoredCosignature(latest) is { } stored)
        {
            // The same checkpoint again (a dock that lost the answer): the cosignature already kept, so both sides hold the same note.
            logger.LogInformation("{Origin} at size {Size} was already cosigned; answering with the stored cosignature", dock.Origin, checkpoint.Size);
            metrics.CheckpointCosigned();
            return WitnessAnswer.Cosigned(stored + "\n");
        }

        var now = time.GetUtcNow();
        var cosignature = keys.Cosigner.Sign(note.Text, now.ToUnixTimeSeconds());
        var cosigned = new CosignedCheckpoint(dock.Origin, checkpoint.Size, checkpoint.RootHash, note.WithSignature(cosignature).ToString(), now);
        if (!await store.TryAdvanceAsync(cosigned, latest?.Size, cancellationToken))
        {
            var current = await store.LatestAsync(dock.Origin, cancellationToken);
            return WitnessAnswer.Size(current?.Size ?? 0);
        }
        CrashPoint.Reached("cloud-cosigned");
        metrics.CheckpointCosigned();
        logger.LogInformation("Cosigned {Origin} at size {Size} (from {OldSize})", dock.Origin, checkpoint.Size, latestSize);
        return WitnessAnswer.Cosigned(cosignature.ToLine() + "\n");
    }

    private string? StoredCosignature(CosignedCheckpoint checkpoint) =>
        SignedNote.Parse(checkpoint.Note).Signatures
            .FirstOrDefault(s => s.KeyName == keys.Cosigner.Name && s.KeyId == keys.Cosigner.KeyId)?.ToLine();

    private async Task<WitnessAnswer> RejectAsync(
        string origin, ConsistencyEvidence evidence, WitnessRefusal refusal, string reason, CancellationToken cancellationToken)
    {
        metrics.CheckpointRefused(reason);
        await store.RecordRejectedAsync(origin, evidence.Record, refusal.Reason, time.GetUtcNow(), cancellationToken);
        logger.LogWarning("Refused checkpoint for {Origin} ({Status}): {Reason}", origin, refusal.Status, refusal.Reason);
        return WitnessAnswer.Refused(refusal.Status, refusal.Reason);
    }
}
