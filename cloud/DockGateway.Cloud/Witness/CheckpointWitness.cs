using System.Security.Cryptography;
using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Shared.Witness;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// C2SP tlog-witness <c>add-checkpoint</c> for dock custody logs: the checkpoint must be signed by
/// the key of the dock that owns its origin and be consistent with the last checkpoint cosigned
/// for that origin; then it is cosigned (tlog-cosignature v1) and stored by compare-and-swap.
/// Refused checkpoints are kept as evidence.
/// </summary>
public sealed class CheckpointWitness(
    IWitnessStore store,
    IDockKeys docks,
    CloudSigningKeys keys,
    TimeProvider time,
    ILogger<CheckpointWitness> logger)
{
    public async Task<WitnessAnswer> AddCheckpointAsync(string body, DockIdentity caller, CancellationToken cancellationToken)
    {
        AddCheckpointRequest request;
        SignedNote note;
        Checkpoint checkpoint;
        try
        {
            request = AddCheckpointRequest.Parse(body);
            note = SignedNote.Parse(request.SignedCheckpoint);
            checkpoint = Checkpoint.Parse(note.Text);
        }
        catch (FormatException e)
        {
            return WitnessAnswer.Refused(400, $"Malformed add-checkpoint request: {e.Message}");
        }

        var owner = await docks.FindByOriginAsync(checkpoint.Origin, cancellationToken);
        if (owner is null)
        {
            return WitnessAnswer.Refused(404, $"Unknown origin '{checkpoint.Origin}'.");
        }
        if (owner.DockId != caller.DockId)
        {
            return await RejectAsync(checkpoint.Origin, body, 403, $"Origin '{checkpoint.Origin}' belongs to another dock.", cancellationToken);
        }
        try
        {
            NoteVerification.Open(request.SignedCheckpoint, [DockCheckpointKey.Verifier(owner)]);
        }
        catch (Exception e) when (e is NoteVerificationException or FormatException)
        {
            return await RejectAsync(checkpoint.Origin, body, 403, $"No valid signature by the dock's key: {e.Message}", cancellationToken);
        }
        if (request.OldSize > checkpoint.Size)
        {
            return await RejectAsync(checkpoint.Origin, body, 400, $"old {request.OldSize} exceeds the checkpoint size {checkpoint.Size}.", cancellationToken);
        }

        var latest = await store.LatestAsync(checkpoint.Origin, cancellationToken);
        var latestSize = latest?.Size ?? 0;
        if (request.OldSize != latestSize)
        {
            return WitnessAnswer.Size(latestSize);
        }
        if (ConsistencyProblem(request, checkpoint, latest) is { } problem)
        {
            return await RejectAsync(checkpoint.Origin, body, 422, problem, cancellationToken);
        }

        if (latest is not null && latest.Size == checkpoint.Size && StoredCosignature(latest) is { } stored)
        {
            // The same checkpoint again (a dock that lost the answer): the cosignature already kept, so both sides hold the same note.
            logger.LogInformation("{Origin} at size {Size} was already cosigned; answering with the stored cosignature", checkpoint.Origin, checkpoint.Size);
            return WitnessAnswer.Cosigned(stored + "\n");
        }

        var now = time.GetUtcNow();
        var cosignature = keys.Cosigner.Sign(note.Text, now.ToUnixTimeSeconds());
        var cosigned = new CosignedCheckpoint(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash,
            note.WithSignature(cosignature).ToString(), now);
        if (!await store.TryAdvanceAsync(cosigned, latest?.Size, cancellationToken))
        {
            var current = await store.LatestAsync(checkpoint.Origin, cancellationToken);
            return WitnessAnswer.Size(current?.Size ?? 0);
        }
        CrashPoint.Reached("cloud-cosigned");
        logger.LogInformation("Cosigned {Origin} at size {Size} (from {OldSize})", checkpoint.Origin, checkpoint.Size, latestSize);
        return WitnessAnswer.Cosigned(cosignature.ToLine() + "\n");
    }

    private static string? ConsistencyProblem(AddCheckpointRequest request, Checkpoint checkpoint, CosignedCheckpoint? latest)
    {
        if (request.OldSize == 0)
        {
            return request.ConsistencyProof.Count == 0 ? null : "old is 0 but a consistency proof was sent.";
        }
        if (request.OldSize == checkpoint.Size)
        {
            return CryptographicOperations.FixedTimeEquals(latest!.RootHash, checkpoint.RootHash) && request.ConsistencyProof.Count == 0
                ? null
                : $"Size {checkpoint.Size} matches the cosigned checkpoint but the root hash (or an unexpected proof) differs.";
        }
        return MerkleProof.VerifyConsistency(request.OldSize, checkpoint.Size, latest!.RootHash, checkpoint.RootHash, request.ConsistencyProof)
            ? null
            : $"The consistency proof from size {request.OldSize} to {checkpoint.Size} does not verify.";
    }

    private string? StoredCosignature(CosignedCheckpoint checkpoint) =>
        SignedNote.Parse(checkpoint.Note).Signatures
            .FirstOrDefault(s => s.KeyName == keys.Cosigner.Name && s.KeyId == keys.Cosigner.KeyId)?.ToLine();

    private async Task<WitnessAnswer> RejectAsync(string origin, string body, int status, string reason, CancellationToken cancellationToken)
    {
        await store.RecordRejectedAsync(origin, body, reason, time.GetUtcNow(), cancellationToken);
        logger.LogWarning("Refused checkpoint for {Origin} ({Status}): {Reason}", origin, status, reason);
        return WitnessAnswer.Refused(status, reason);
    }
}
