using System.Security.Cryptography;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// The C2SP tlog-witness add-checkpoint form: <c>old</c>, the size the dock believes was last cosigned, and an
/// RFC 6962 consistency proof from it. <paramref name="body"/> is the whole request, kept when it is refused.
/// </summary>
public sealed class ConsistencyProofEvidence(string body, long oldSize, IReadOnlyList<byte[]> proof) : ConsistencyEvidence
{
    public override string Record => body;

    public override long? ClaimedOldSize => oldSize;

    public override WitnessRefusal ForeignOrigin(Checkpoint checkpoint) => new(403, $"Origin '{checkpoint.Origin}' belongs to another dock.");

    public override WitnessRefusal BadSignature(string error) => new(403, $"No valid signature by the dock's key: {error}");

    public override WitnessRefusal? Malformed(Checkpoint checkpoint) =>
        oldSize > checkpoint.Size ? new(400, $"old {oldSize} exceeds the checkpoint size {checkpoint.Size}.") : null;

    public override WitnessRefusal? Inconsistency(Checkpoint checkpoint, CosignedCheckpoint? latest)
    {
        if (oldSize == 0)
        {
            return proof.Count == 0 ? null : new(422, "old is 0 but a consistency proof was sent.");
        }
        if (oldSize == checkpoint.Size)
        {
            return CryptographicOperations.FixedTimeEquals(latest!.RootHash, checkpoint.RootHash) && proof.Count == 0
                ? null
                : new(422, $"Size {checkpoint.Size} matches the cosigned checkpoint but the root hash (or an unexpected proof) differs.");
        }
        return MerkleProof.VerifyConsistency(oldSize, checkpoint.Size, latest!.RootHash, checkpoint.RootHash, proof)
            ? null
            : new(422, $"The consistency proof from size {oldSize} to {checkpoint.Size} does not verify.");
    }
}
