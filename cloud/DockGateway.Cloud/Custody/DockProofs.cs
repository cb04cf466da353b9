using DockGateway.Cloud.Witness;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// Inclusion proofs for a dock's log to one cosigned checkpoint: the largest the cloud cosigned whose entries it holds
/// (a prefix batch may leave the newest cosigned size ahead of the stored entries), with the root checked against the
/// stored leaves before any proof is given.
/// </summary>
public sealed class DockProofs
{
    private readonly MerkleTree _tree;

    private DockProofs(MerkleTree tree, CosignedCheckpoint checkpoint)
    {
        _tree = tree;
        Checkpoint = checkpoint;
    }

    public CosignedCheckpoint Checkpoint { get; }

    /// <summary>The proofs for <paramref name="leaves"/> to the largest of <paramref name="cosigned"/> they cover; null when none does.</summary>
    public static DockProofs? Build(IReadOnlyList<byte[]> leaves, IEnumerable<CosignedCheckpoint> cosigned)
    {
        var checkpoint = cosigned.Where(c => c.Size > 0 && c.Size <= leaves.Count).MaxBy(c => c.Size);
        if (checkpoint is null)
        {
            return null;
        }

        var tree = new MerkleTree(leaves.Take((int)checkpoint.Size));
        if (!tree.RootHash().AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new InvalidOperationException(
                $"the stored entries of {checkpoint.Origin} do not give the root the cloud cosigned at size {checkpoint.Size}");
        }

        return new DockProofs(tree, checkpoint);
    }

    /// <summary>The tlog-proof bundle of entry <paramref name="index"/>, null when the checkpoint does not cover it.</summary>
    public string? Proof(long index) =>
        index < Checkpoint.Size ? new TlogProof(index, _tree.InclusionProof(index, Checkpoint.Size), Checkpoint.Note).Format() : null;
}
