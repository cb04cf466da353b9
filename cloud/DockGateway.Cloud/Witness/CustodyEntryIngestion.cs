using System.Security.Cryptography;
using System.Text;
using DockGateway.Cloud.DockAuth;
using DockGateway.Shared.Faults;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using Microsoft.Extensions.Logging;

namespace DockGateway.Cloud.Witness;

/// <summary>
/// Stores a dock's custody entries only when their leaf hashes, appended to the ones already held,
/// give a root r(s) at their end size s that is proven: the root of a checkpoint of size s the cloud
/// cosigned; or, with <c>cosignedSize</c> S ≥ s and <c>consistencyProof</c>, consistent (RFC 6962) with
/// the checkpoint of size S the cloud cosigned — so any prefix of a cosigned tree can be stored; or the
/// root of the dock-signed checkpoint in the same request, which <see cref="CheckpointCosigner"/> checks against
/// the latest cosigned one from the leaves the cloud holds, cosigns and stores (a refused one is kept as evidence).
/// Anything else: a 4xx and nothing stored.
/// </summary>
public sealed class CustodyEntryIngestion(
    ICustodyEntryStore entries,
    IWitnessStore witness,
    CheckpointCosigner cosigner,
    TimeProvider time,
    ILogger<CustodyEntryIngestion> logger)
{
    public async Task<EntryIngestionResult> IngestAsync(DockIdentity dock, CustodyEntryBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Entries is not { Count: > 0 } items)
        {
            return EntryIngestionResult.Refused(400, "'entries' must hold at least one entry.");
        }
        var (proof, malformed) = PrefixProof.From(batch);
        if (malformed is not null)
        {
            return EntryIngestionResult.Refused(400, malformed);
        }
        var held = await entries.LeafHashesAsync(dock.DockId, cancellationToken);
        var tree = new MerkleTree(held);
        var now = time.GetUtcNow();
        var fresh = new List<StoredEntry>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i > 0 && item.Index != items[i - 1].Index + 1)
            {
                return EntryIngestionResult.Refused(422, $"entries[{i}].index {item.Index} does not follow {items[i - 1].Index}.");
            }
            byte[] canonical;
            try
            {
                canonical = CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(item.Entry.GetRawText()));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                return EntryIngestionResult.Refused(400, $"entries[{i}].entry cannot be canonicalised: {e.Message}");
            }
            var leaf = MerkleHash.Leaf(canonical);
            if (item.Index < held.Count)
            {
                if (!CryptographicOperations.FixedTimeEquals(held[(int)item.Index], leaf))
                {
                    return EntryIngestionResult.Refused(422, $"entries[{i}] (index {item.Index}) differs from the entry already stored there.");
                }
                continue;
            }
            if (item.Index != tree.Size)
            {
                return EntryIngestionResult.Gap($"entries[{i}].index is {item.Index}; the next index the cloud expects is {tree.Size}.", tree.Size);
            }
            tree.AppendLeafHash(leaf);
            fresh.Add(new StoredEntry(item.Index, Encoding.UTF8.GetString(canonical), leaf, now));
        }
        if (fresh.Count == 0)
        {
            return EntryIngestionResult.Stored(0, tree.Size, tree.RootHash(), null);
        }

        var root = tree.RootHash();
        string? cosignature = null;
        var cosigned = await witness.FindAsync(dock.Origin, tree.Size, cancellationToken);
        if (cosigned is not null)
        {
            if (!CryptographicOperations.FixedTimeEquals(cosigned.RootHash, root))
            {
                return EntryIngestionResult.Refused(422, $"The entries give root {Convert.ToBase64String(root)} at size {tree.Size}, not the cosigned root {Convert.ToBase64String(cosigned.RootHash)}.");
            }
        }
        else if (proof is not null)
        {
            if (await PrefixProblemAsync(dock, tree, proof, cancellationToken) is { } problem)
            {
                return EntryIngestionResult.Refused(422, problem);
            }
        }
        else if (batch.Checkpoint is null)
        {
            return EntryIngestionResult.Refused(422, $"No checkpoint of size {tree.Size} was cosigned for {dock.Origin}; send add-checkpoint first, "
                + "include the signed checkpoint, or give 'cosignedSize' and 'consistencyProof' to a cosigned checkpoint.");
        }
        else
        {
            var answer = await cosigner.UpdateAsync(dock, batch.Checkpoint, new HeldLeavesEvidence(batch.Checkpoint, tree), cancellationToken);
            if (answer.Status == 409)
            {
                return EntryIngestionResult.Refused(422, "Another checkpoint was cosigned for this origin at the same time; send again.");
            }
            if (answer.Status != 200)
            {
                return EntryIngestionResult.Refused(answer.Status, answer.Body.TrimEnd('\n'));
            }
            cosignature = answer.Body.TrimEnd('\n');
        }

        if (!await entries.TryAppendAsync(dock.DockId, held.Count, fresh, cancellationToken))
        {
            return EntryIngestionResult.Refused(409, "Another request stored entries for this dock at the same time; send again.");
        }
        CrashPoint.Reached("cloud-entries-stored");
        logger.LogInformation("Stored {Count} custody entries from dock {Dock}; log size {Size}", fresh.Count, dock.DockId, tree.Size);
        return EntryIngestionResult.Stored(fresh.Count, tree.Size, root, cosignature);
    }

    /// <summary>Null when the entries' root at their end size is proven consistent with the cosigned checkpoint the proof names.</summary>
    private async Task<string?> PrefixProblemAsync(DockIdentity dock, MerkleTree tree, PrefixProof proof, CancellationToken cancellationToken)
    {
        if (proof.CosignedSize < tree.Size)
        {
            return $"cosignedSize {proof.CosignedSize} is below the size {tree.Size} the entries reach; the proof must lead to a cosigned checkpoint at least that large.";
        }
        var target = await witness.FindAsync(dock.Origin, proof.CosignedSize, cancellationToken);
        if (target is null)
        {
            return $"No checkpoint of size {proof.CosignedSize} was cosigned for {dock.Origin}; cosignedSize must name a cosigned checkpoint.";
        }
        return MerkleProof.VerifyConsistency(tree.Size, target.Size, tree.RootHash(), target.RootHash, proof.Hashes)
            ? null
            : $"The consistency proof from size {tree.Size} (root {Convert.ToBase64String(tree.RootHash())}) to the cosigned checkpoint of size {target.Size} does not verify.";
    }
}
