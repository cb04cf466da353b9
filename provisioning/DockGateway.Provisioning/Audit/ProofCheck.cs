using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Checks the bundle's <c>proofs/&lt;sha256&gt;.tlog-proof</c> files (C2SP tlog-proof): each names an
/// <c>ingested</c> entry with that SHA-256, its embedded checkpoint is signed by a trusted key and is
/// a prefix of the bundle's tree, and its inclusion proof leads from the entry's leaf hash to that
/// checkpoint's root. Also: every ingested entry the checkpoint covers has a proof. When the entries
/// changed from <c>changedFrom</c> on, an embedded checkpoint that covers that change no longer being a
/// prefix of the entries is a consequence of it, listed as such rather than as another failure.
/// </summary>
internal static class ProofCheck
{
    public static void Run(
        AuditBundle bundle,
        IReadOnlyList<NoteVerifier> keys,
        TrustedCheckpoint checkpoint,
        MerkleTree tree,
        IReadOnlyList<AuditEntry?> entries,
        IReadOnlyList<AuditEntry> covered,
        long? changedFrom,
        VerificationReport report)
    {
        var failuresBefore = report.Failures.Count + report.Consequences.Count;
        foreach (var proof in bundle.Proofs)
        {
            CheckOne(proof, keys, checkpoint, tree, entries, changedFrom, report);
            report.ProofsChecked++;
        }

        var proven = bundle.Proofs.Select(p => p.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in covered)
        {
            if (entry.Entry is IngestedEntry ingested && !proven.Contains(ingested.Sha256))
            {
                report.Fail($"entry {entry.Index}", $"ingested file {ingested.Path} (sha256 {ingested.Sha256}) has no proofs/{ingested.Sha256}{AuditBundle.ProofExtension}");
            }
        }

        if (report.Failures.Count + report.Consequences.Count == failuresBefore)
        {
            report.Pass($"{bundle.Proofs.Count} inclusion proofs verify against signed checkpoints consistent with the bundle");
        }
    }

    private static void CheckOne(
        ProofFile file,
        IReadOnlyList<NoteVerifier> keys,
        TrustedCheckpoint checkpoint,
        MerkleTree tree,
        IReadOnlyList<AuditEntry?> entries,
        long? changedFrom,
        VerificationReport report)
    {
        TlogProof proof;
        try
        {
            proof = TlogProof.Parse(file.Text);
        }
        catch (FormatException e)
        {
            report.Fail(file.Where, $"not a C2SP tlog-proof: {e.Message}");
            return;
        }

        if (proof.Index < 0 || proof.Index >= entries.Count)
        {
            report.Fail(file.Where, $"index {proof.Index} is outside entries.jsonl (0..{entries.Count - 1})");
            return;
        }

        var entry = entries[(int)proof.Index];
        if (entry?.Entry is not IngestedEntry ingested || ingested.Sha256 != file.Sha256)
        {
            report.Fail(file.Where, $"index {proof.Index} points at entry \"{entry?.Type}\" with sha256 {(entry?.Entry as IngestedEntry)?.Sha256}, "
                + $"not an ingested entry with sha256 {file.Sha256} (proof swapped or renamed?)");
            return;
        }

        var signed = TrustedCheckpoint.TryOpen(proof.Checkpoint, keys, out var problem);
        if (signed is null)
        {
            report.Fail(file.Where, $"embedded checkpoint: signature or format invalid: {problem}");
            return;
        }

        if (signed.Origin != checkpoint.Origin)
        {
            report.Fail(file.Where, $"embedded checkpoint origin '{signed.Origin}' is not the bundle's '{checkpoint.Origin}'");
            return;
        }

        if (signed.Size > checkpoint.Size)
        {
            report.Fail(file.Where, $"embedded checkpoint size {signed.Size} is larger than the bundle checkpoint's {checkpoint.Size}");
            return;
        }

        var leaf = tree.LeafHash(proof.Index);
        if (!MerkleProof.VerifyInclusion(proof.Index, signed.Size, leaf, proof.Hashes, signed.RootHash))
        {
            report.Fail(file.Where, $"inclusion proof for entry {proof.Index} does not lead to the root of its checkpoint (size {signed.Size}): the entry or the proof was altered");
            return;
        }

        if (!tree.RootHash(signed.Size).AsSpan().SequenceEqual(signed.RootHash))
        {
            if (changedFrom is { } from && signed.Size > from)
            {
                report.Consequence(file.Where, $"embedded checkpoint (size {signed.Size}) no longer matches the entries because it covers the change reported above (from entry {from} on)");
            }
            else
            {
                report.Fail(file.Where, $"embedded checkpoint (size {signed.Size}) is not a prefix of the bundle's entries: inconsistent trees");
            }
        }
    }
}
