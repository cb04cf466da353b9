using System.Globalization;
using DockGateway.Shared.Merkle;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// The Merkle root over the bundle's entries against the signed checkpoint, and every earlier signed
/// checkpoint against the same entries (the log must only have grown). On a mismatch the earlier
/// checkpoints name the first entry range that changed (<see cref="CheckpointHistory.Locate"/>).
/// </summary>
internal static class RootCheck
{
    /// <summary>
    /// Compares the root over the leaves with the signed one and every earlier signed checkpoint with the same
    /// leaves; returns how many leading entries a matching signed checkpoint proves (the checkpoint's size when
    /// all is well). On a mismatch, names the first entry range whose signed checkpoint no longer matches.
    /// </summary>
    public static long Run(TrustedCheckpoint checkpoint, List<SignedCheckpoint> history, MerkleTree tree, VerificationReport report)
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
                    $"{history.Count - 1} earlier signed checkpoints (sizes {Sizes(history.SkipLast(1).ToList())}) are prefixes of the same entries: the log only grew"));
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

    private static string Sizes(List<SignedCheckpoint> checkpoints) =>
        checkpoints.Count <= 8
            ? string.Join(", ", checkpoints.Select(c => c.Size))
            : string.Create(CultureInfo.InvariantCulture, $"{checkpoints[0].Size}, {checkpoints[1].Size}, … {checkpoints[^1].Size}");
}
