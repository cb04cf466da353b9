using System.Globalization;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Verifies an auditor bundle offline, trusting nothing but its bytes and the verifier keys:
/// the checkpoint's signature, every leaf (canonical JSON), the Merkle root over the leaves, each
/// inclusion proof and, when asked, each stored file's SHA-256. Every failure is recorded with the
/// file, entry index or field it concerns; verification goes on after a failure so one run shows all.
/// </summary>
public static class BundleVerifier
{
    public static VerificationReport Verify(AuditBundle bundle, VerificationOptions options)
    {
        var report = new VerificationReport(bundle.Directory);
        var keys = TrustedKeys.From(bundle, options, report);
        var checkpoint = OpenCheckpoint(bundle, keys.Docks, report);
        if (checkpoint is not null)
        {
            keys.CheckCosignatures(bundle.Checkpoint!, report);
        }

        var entries = ReadEntries(bundle, report);
        MerkleTree? tree = null;
        if (bundle.Entries is { } leaves)
        {
            tree = new MerkleTree(leaves.Select(l => MerkleHash.Leaf(l)));
        }

        var covered = CheckRoot(checkpoint, tree, entries, report);
        if (checkpoint is not null && tree is not null)
        {
            ProofCheck.Run(bundle, keys.Docks, checkpoint, tree, entries, covered, report);
        }

        ErasureCheck.Run(covered, report);
        if (options.FootageDirectory is { } footage)
        {
            FootageCheck.Run(footage, covered, report);
        }

        report.Custody.Add(covered);
        return report;
    }

    private static TrustedCheckpoint? OpenCheckpoint(AuditBundle bundle, List<NoteVerifier> keys, VerificationReport report)
    {
        if (bundle.Checkpoint is null)
        {
            report.Fail(AuditBundle.CheckpointFile, "missing");
            return null;
        }

        var checkpoint = TrustedCheckpoint.TryOpen(bundle.Checkpoint, keys, out var problem);
        if (checkpoint is null)
        {
            report.Fail(AuditBundle.CheckpointFile, $"signature or format invalid: {problem}");
            return null;
        }

        report.Origin = checkpoint.Origin;
        report.CheckpointSize = checkpoint.Size;
        report.Pass($"checkpoint signature valid (key {checkpoint.SignedBy}), origin {checkpoint.Origin}, size {checkpoint.Size}");
        if (!checkpoint.SignedBy.StartsWith(checkpoint.Origin + "+", StringComparison.Ordinal))
        {
            report.Warn(AuditBundle.CheckpointFile, $"signed by key {checkpoint.SignedBy}, whose name is not the origin {checkpoint.Origin} (C2SP tlog-checkpoint says it should be)");
        }

        return checkpoint;
    }

    private static List<AuditEntry?> ReadEntries(AuditBundle bundle, VerificationReport report)
    {
        var entries = new List<AuditEntry?>();
        if (bundle.Entries is null)
        {
            report.Fail(AuditBundle.EntriesFile, "missing");
            return entries;
        }

        report.EntryCount = bundle.Entries.Count;
        var bad = 0;
        for (var i = 0; i < bundle.Entries.Count; i++)
        {
            var where = $"{AuditBundle.EntriesFile} line {i + 1} (entry {i})";
            var bytes = bundle.Entries[i];
            var entry = AuditEntry.TryParse(i, bytes, out var problem);
            if (entry is null)
            {
                report.Fail(where, problem ?? "unreadable");
                bad++;
            }

            entries.Add(entry);
        }

        if (bundle.EntriesUnterminated)
        {
            report.Warn(AuditBundle.EntriesFile, "last line has no line feed");
        }

        if (bad == 0)
        {
            report.Pass($"{bundle.Entries.Count} entries are custody entries in canonical JSON (RFC 8785)");
        }

        return entries;
    }

    /// <summary>Compares the root over the leaves with the signed one; returns the entries the checkpoint covers.</summary>
    private static List<AuditEntry> CheckRoot(TrustedCheckpoint? checkpoint, MerkleTree? tree, List<AuditEntry?> entries, VerificationReport report)
    {
        if (checkpoint is null || tree is null)
        {
            report.Fail("checkpoint", "root hash not checked: no trusted checkpoint or no entries");
            return [];
        }

        if (tree.Size < checkpoint.Size)
        {
            report.Fail(AuditBundle.EntriesFile, string.Create(CultureInfo.InvariantCulture,
                $"has {tree.Size} entries but the checkpoint commits to {checkpoint.Size}: entries {tree.Size}..{checkpoint.Size - 1} are missing"));
            return [];
        }

        if (tree.Size > checkpoint.Size)
        {
            report.Warn(AuditBundle.EntriesFile, string.Create(CultureInfo.InvariantCulture,
                $"entries {checkpoint.Size}..{tree.Size - 1} are not covered by the signed checkpoint and were not verified"));
        }

        var root = tree.RootHash(checkpoint.Size);
        if (!root.AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            report.Fail(AuditBundle.EntriesFile, $"Merkle root of entries 0..{checkpoint.Size - 1} is {Convert.ToBase64String(root)}, "
                + $"the signed checkpoint says {Convert.ToBase64String(checkpoint.RootHash)}: an entry was changed, added, removed or reordered");
            return [];
        }

        report.Pass($"Merkle root of the {checkpoint.Size} entries matches the signed checkpoint");
        return entries.Take((int)checkpoint.Size).OfType<AuditEntry>().ToList();
    }
}
