using DockGateway.Cloud.Witness;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Cloud.Custody;

/// <summary>
/// Inclusion proofs for a dock's log to one cosigned checkpoint: the largest the cloud cosigned whose entries it holds
/// (a prefix batch may leave the newest cosigned size ahead of the stored entries), with the root checked against the
/// stored leaves before any proof is given. Built while the caller holds the dock's tree (<see cref="DockLeafCache"/>);
/// the proofs of the asked entries are computed then, so nothing reads the tree afterwards.
/// </summary>
public sealed class DockProofs
{
    private readonly Dictionary<long, string> _proofs;

    private DockProofs(CosignedCheckpoint checkpoint, Dictionary<long, string> proofs)
    {
        Checkpoint = checkpoint;
        _proofs = proofs;
    }

    public CosignedCheckpoint Checkpoint { get; }

    /// <summary>The proofs of <paramref name="indices"/> in <paramref name="tree"/> to the largest of <paramref name="cosigned"/>
    /// it covers; null when none does.</summary>
    public static DockProofs? Build(MerkleTree tree, IEnumerable<CosignedCheckpoint> cosigned, IEnumerable<long> indices)
    {
        var checkpoint = cosigned.Where(c => c.Size > 0 && c.Size <= tree.Size).MaxBy(c => c.Size);
        if (checkpoint is null)
        {
            return null;
        }

        if (!tree.RootHash(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new InvalidOperationException(
                $"the stored entries of {checkpoint.Origin} do not give the root the cloud cosigned at size {checkpoint.Size}");
        }

        var proofs = indices.Where(i => i >= 0 && i < checkpoint.Size).Distinct()
            .ToDictionary(i => i, i => new TlogProof(i, tree.InclusionProof(i, checkpoint.Size), checkpoint.Note).Format());
        return new DockProofs(checkpoint, proofs);
    }

    /// <summary>The tlog-proof bundle of entry <paramref name="index"/>, null when the checkpoint does not cover it.</summary>
    public string? Proof(long index) => _proofs.GetValueOrDefault(index);
}
