using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Verifies an auditor bundle offline, trusting nothing but its bytes and the verifier keys:
/// the checkpoint's signature (and its witness cosignatures), every leaf (canonical JSON), the Merkle
/// root over the leaves, every earlier signed checkpoint, each inclusion proof and, when asked, each
/// stored file's SHA-256. Every failure is recorded with the file, entry range or field it concerns;
/// verification goes on after a failure so one run shows all. When the root fails, the earlier signed
/// checkpoints name the first entry range that changed, checks that fail only because of it are listed
/// as consequences, and the stored files are still hashed.
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
            keys.CheckCosignatures(bundle.Checkpoint!, options.RequireWitness, report);
        }
        else if (options.RequireWitness || keys.WitnessPinned)
        {
            report.Fail(AuditBundle.CheckpointFile, "no trusted checkpoint, so no witness cosignature either");
        }

        var entries = ReadEntries(bundle, report);
        MerkleTree? tree = null;
        if (bundle.Entries is { } leaves)
        {
            tree = new MerkleTree(leaves.Select(l => MerkleHash.Leaf(l)));
        }

        long? changedFrom = null;
        var provenSize = 0L;
        if (checkpoint is null || tree is null)
        {
            report.Fail("checkpoint", "root hash not checked: no trusted checkpoint or no entries");
        }
        else
        {
            var history = CheckpointHistory.Collect(bundle, keys.Docks, checkpoint, report);
            provenSize = RootCheck.Run(checkpoint, history, tree, report);
            changedFrom = provenSize < checkpoint.Size ? provenSize : null;
            ProofCheck.Run(bundle, keys.Docks, checkpoint, tree, entries, Covered(entries, provenSize), changedFrom, report);
        }

        report.CoveredSize = provenSize;
        var covered = Covered(entries, provenSize);
        ErasureCheck.Run(covered, report);
        if (options.FootageDirectory is { } footage)
        {
            // Hashed whatever the root said: which stored copies still match is evidence either way.
            var named = entries.Take((int)Math.Min(checkpoint?.Size ?? entries.Count, entries.Count)).OfType<AuditEntry>().ToList();
            FootageCheck.Run(footage, named, report, provenSize, options.FootageFor);
        }

        report.Custody.Add(covered);
        return report;
    }

    private static List<AuditEntry> Covered(List<AuditEntry?> entries, long size) =>
        entries.Take((int)Math.Min(size, entries.Count)).OfType<AuditEntry>().ToList();

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
}
