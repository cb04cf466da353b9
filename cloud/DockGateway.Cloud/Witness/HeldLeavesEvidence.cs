using System.Security.Cryptography;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// The entries form: the checkpoint came with custody entries, and <paramref name="tree"/> holds the leaves the
/// cloud already kept plus those. The checkpoint must be the root they give at their end size, and the root the
/// cloud computes itself at the latest cosigned size must be the cosigned one. Every refusal is a 422; the signed
/// checkpoint is what is kept when it is refused.
/// </summary>
public sealed class HeldLeavesEvidence(string signedCheckpoint, MerkleTree tree) : ConsistencyEvidence
{
    public override string Record => signedCheckpoint;

    public override long? ClaimedOldSize => null;

    public override WitnessRefusal ForeignOrigin(Checkpoint checkpoint) => NotTheEntriesRoot(checkpoint);

    public override WitnessRefusal BadSignature(string error) => new(422, $"The included checkpoint is not validly signed by the dock: {error}");

    public override WitnessRefusal? Malformed(Checkpoint checkpoint) =>
        checkpoint.Size != tree.Size || !CryptographicOperations.FixedTimeEquals(checkpoint.RootHash, tree.RootHash())
            ? NotTheEntriesRoot(checkpoint)
            : null;

    public override WitnessRefusal? Inconsistency(Checkpoint checkpoint, CosignedCheckpoint? latest) =>
        latest is not null && (latest.Size > tree.Size || !CryptographicOperations.FixedTimeEquals(latest.RootHash, tree.RootHash(latest.Size)))
            ? new(422, $"The entries are not consistent with the cosigned checkpoint of size {latest.Size}.")
            : null;

    private WitnessRefusal NotTheEntriesRoot(Checkpoint checkpoint) =>
        new(422, $"The included checkpoint ({checkpoint.Origin}, size {checkpoint.Size}) is not the root the entries give at size {tree.Size}.");
}
