using System.Globalization;
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
            provenSize = CheckRoot(checkpoint, history, tree, report);
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
            FootageCheck.Run(footage, named, report, provenSize);
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

    /// <summary>
    /// Compares the root over the leaves with the signed one and every earlier signed checkpoint with the same
    /// leaves; returns how many leading entries a matching signed checkpoint proves (the checkpoint's size when
    /// all is well). On a mismatch, names the first entry range whose signed checkpoint no longer matches.
    /// </summary>
    private static long CheckRoot(TrustedCheckpoint checkpoint, List<SignedCheckpoint> history, MerkleTree tree, VerificationReport report)
    {
        var matches = false;
        if (tree.Size < checkpoint.Size)
        {
            report.Fail(AuditBundle.EntriesFile, string.Create(CultureInfo.InvariantCulture,
                $"has {tree.Size} entries but the checkpoint commits to {checkpoint.Size}: entries {tree.Size}..{checkpoint.Size - 1} are missing"));
        }
        else
        {
            if (tree.Size > checkpoint.Size)
            {
                report.Warn(AuditBundle.EntriesFile, string.Create(CultureInfo.InvariantCulture,
                    $"entries {checkpoint.Size}..{tree.Size - 1} are not covered by the signed checkpoint and were not verified"));
            }

            matches = tree.RootHash(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.RootHash);
        }

        if (matches)
        {
            report.Pass($"Merkle root of the {checkpoint.Size} entries matches the signed checkpoint");
            var forked = history.Where(c => !CheckpointHistory.Matches(c, tree)).ToList();
            foreach (var earlier in forked)
            {
                report.Fail(earlier.Where, string.Create(CultureInfo.InvariantCulture,
                    $"signed checkpoint of size {earlier.Size} is not a prefix of the entries the latest checkpoint covers: the dock signed inconsistent trees"));
            }

            if (forked.Count == 0 && history.Count > 1)
            {
                report.Pass(string.Create(CultureInfo.InvariantCulture,
                    $"{history.Count - 1} earlier signed checkpoints (sizes {string.Join(", ", history.SkipLast(1).Select(c => c.Size))}) are prefixes of the same entries: the log only grew"));
            }

            return checkpoint.Size;
        }

        var (lastGood, firstBad) = CheckpointHistory.Locate(history, tree);
        if (firstBad is not null)
        {
            var last = firstBad.Size - 1;
            var where = lastGood == last
                ? string.Create(CultureInfo.InvariantCulture, $"{AuditBundle.EntriesFile} entry {last} (line {last + 1})")
                : string.Create(CultureInfo.InvariantCulture, $"{AuditBundle.EntriesFile} entries {lastGood}..{last} (lines {lastGood + 1}..{last + 1})");
            var root = tree.Size >= checkpoint.Size
                ? string.Create(CultureInfo.InvariantCulture, $"; the Merkle root of entries 0..{checkpoint.Size - 1} is {Convert.ToBase64String(tree.RootHash(checkpoint.Size))}, the signed checkpoint says {Convert.ToBase64String(checkpoint.RootHash)}")
                : "";
            var earlier = lastGood == 0
                ? "and no earlier signed checkpoint narrows it down"
                : string.Create(CultureInfo.InvariantCulture, $"the one of size {lastGood} still does");
            report.Fail(where, string.Create(CultureInfo.InvariantCulture,
                $"the first changed entry is here: the signed checkpoint of size {firstBad.Size} no longer matches, {earlier} (an entry was changed, added, removed or reordered{root})"));
        }

        report.CoveredByEarlierCheckpoint = lastGood > 0;
        return lastGood;
    }
}
