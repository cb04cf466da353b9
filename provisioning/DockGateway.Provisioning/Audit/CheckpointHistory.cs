using System.Globalization;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Audit;

/// <summary>
/// Every signed checkpoint a bundle carries (<c>checkpoints/</c>, the proofs' embedded checkpoints and the
/// latest <c>checkpoint</c>), by size. Each commits to a prefix of the log, so when the entries no longer
/// match the latest root, the first checkpoint (by size) whose root fails bounds the first changed entry:
/// it lies between the previous checkpoint's size and this one's.
/// </summary>
internal static class CheckpointHistory
{
    /// <summary>The trusted checkpoints of the bundle's origin up to the latest, one per size, ascending; a bad file under checkpoints/ fails.</summary>
    public static List<SignedCheckpoint> Collect(AuditBundle bundle, IReadOnlyList<NoteVerifier> keys, TrustedCheckpoint latest, VerificationReport report)
    {
        var bySize = new SortedDictionary<long, SignedCheckpoint> { [latest.Size] = new(latest, AuditBundle.CheckpointFile) };
        foreach (var note in bundle.SignedCheckpoints)
        {
            var checkpoint = TrustedCheckpoint.TryOpen(note.Text, keys, out var problem);
            if (checkpoint is null)
            {
                report.Fail(note.Where, $"signature or format invalid: {problem}");
            }
            else if (checkpoint.Origin != latest.Origin)
            {
                report.Fail(note.Where, $"origin '{checkpoint.Origin}' is not the bundle's '{latest.Origin}'");
            }
            else if (checkpoint.Size > latest.Size)
            {
                report.Warn(note.Where, string.Create(CultureInfo.InvariantCulture,
                    $"size {checkpoint.Size} is larger than the bundle checkpoint's {latest.Size}: not used (was the bundle's checkpoint replaced by an older one?)"));
            }
            else
            {
                Add(bySize, new SignedCheckpoint(checkpoint, note.Where), report);
            }
        }

        // The proofs' embedded checkpoints are signed checkpoints too; ProofCheck reports the ones that do not open.
        foreach (var proof in bundle.Proofs)
        {
            if (TryEmbedded(proof, keys) is { } embedded && embedded.Origin == latest.Origin && embedded.Size <= latest.Size)
            {
                Add(bySize, new SignedCheckpoint(embedded, proof.Where), report);
            }
        }

        return bySize.Values.ToList();
    }

    /// <summary>
    /// Binary search over the checkpoints no larger than the tree: the first whose root the entries no longer
    /// reproduce (null when all do), and the size of the last one before it that still matches (0 when none).
    /// </summary>
    public static (long LastGood, SignedCheckpoint? FirstBad) Locate(IReadOnlyList<SignedCheckpoint> history, MerkleTree tree)
    {
        var usable = history.Where(c => c.Size <= tree.Size).ToList();
        int low = 0, high = usable.Count; // invariant: every checkpoint before low matches, every one from high on fails
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Matches(usable[middle], tree))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var lastGood = low == 0 ? 0 : usable[low - 1].Size;
        return (lastGood, low < usable.Count ? usable[low] : null);
    }

    public static bool Matches(SignedCheckpoint signed, MerkleTree tree) =>
        signed.Size <= tree.Size && tree.RootHash(signed.Size).AsSpan().SequenceEqual(signed.Checkpoint.RootHash);

    private static void Add(SortedDictionary<long, SignedCheckpoint> bySize, SignedCheckpoint signed, VerificationReport report)
    {
        if (!bySize.TryGetValue(signed.Size, out var seen))
        {
            bySize[signed.Size] = signed;
        }
        else if (!seen.Checkpoint.RootHash.AsSpan().SequenceEqual(signed.Checkpoint.RootHash))
        {
            report.Fail(signed.Where, string.Create(CultureInfo.InvariantCulture,
                $"signed checkpoint of size {signed.Size} has root {Convert.ToBase64String(signed.Checkpoint.RootHash)}, {seen.Where} has {Convert.ToBase64String(seen.Checkpoint.RootHash)} for the same size: the log was forked"));
        }
    }

    private static TrustedCheckpoint? TryEmbedded(ProofFile proof, IReadOnlyList<NoteVerifier> keys)
    {
        try
        {
            return TrustedCheckpoint.TryOpen(TlogProof.Parse(proof.Text).Checkpoint, keys, out _);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
