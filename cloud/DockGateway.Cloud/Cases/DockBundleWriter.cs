using System.Globalization;
using System.IO.Compression;
using System.Text;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Problems;
using DockGateway.Cloud.Uploads;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Shared.Text;

namespace DockGateway.Cloud.Cases;

/// <summary>
/// Writes one dock's part of a case package under <c>docks/&lt;dock&gt;/</c> in the layout <c>dockctl audit verify</c> reads
/// (as the dock's <c>dockctl audit export</c> writes it): <c>checkpoint</c> (the latest cosigned checkpoint covering the case's
/// entries), <c>entries.jsonl</c> (every leaf up to it, as the cloud mirrored them), <c>keys.txt</c> (the dock's and the
/// witness's verifier keys), <c>checkpoints/&lt;size&gt;</c> (every cosigned checkpoint up to it), <c>proofs/&lt;sha256&gt;.tlog-proof</c>
/// (every ingested file, as the exporter writes them) and <c>footage/&lt;stored path&gt;</c> (only the case's files).
/// </summary>
public sealed class DockBundleWriter(IDockKeys docks, IWitnessStore witness, ICustodyEntryStore entries, CloudSigningKeys keys, IBlobStore blobs)
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    /// <summary>Writes the dock's bundle; returns the SHA-256 of the case files it packed.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(ZipArchive zip, string dockId, IReadOnlyCollection<long> caseEntries, CancellationToken cancellationToken)
    {
        var dock = await docks.FindAsync(dockId, cancellationToken) ?? throw new CasePackageException($"dock {dockId} is not enrolled");
        var latest = await witness.LatestAsync(dock.Origin, cancellationToken);
        var needed = caseEntries.Max() + 1;
        if (latest is null || latest.Size < needed)
        {
            throw new CasePackageException($"entry {needed - 1} of dock {dockId} is not yet covered by a witness-cosigned checkpoint (latest: {EnglishCount.Of(latest?.Size ?? 0, "entry", "entries")}); try again after the dock's next witness round");
        }

        var leaves = await LeavesAsync(dockId, latest.Size, cancellationToken);
        var tree = new MerkleTree(leaves.Select(l => l.LeafHash));
        if (!tree.RootHash().AsSpan().SequenceEqual(latest.RootHash))
        {
            throw new InvalidOperationException($"the mirrored custody log of dock {dockId} does not reproduce its cosigned root at size {latest.Size}");
        }

        var root = $"docks/{dockId}/";
        Text(zip, root + "checkpoint", latest.Note);
        var jsonl = new StringBuilder();
        foreach (var leaf in leaves)
        {
            jsonl.Append(leaf.Json).Append('\n');
        }

        Text(zip, root + "entries.jsonl", jsonl.ToString());
        Text(zip, root + "keys.txt", DockCheckpointKey.VerifierKey(dock) + "\n" + keys.Cosigner.VerifierKey + "\n");
        foreach (var signed in (await witness.ListAsync(dock.Origin, cancellationToken)).Where(c => c.Size <= latest.Size))
        {
            Text(zip, root + "checkpoints/" + signed.Size.ToString(CultureInfo.InvariantCulture), signed.Note);
        }

        var proved = new HashSet<string>(StringComparer.Ordinal);
        var packed = new List<string>();
        foreach (var leaf in leaves)
        {
            if (CustodyEntryCodec.Decode(Encoding.UTF8.GetBytes(leaf.Json), leaf.Index) is not IngestedEntry ingested)
            {
                continue;
            }

            if (IsHex(ingested.Sha256) && proved.Add(ingested.Sha256))
            {
                var proof = new TlogProof(leaf.Index, tree.InclusionProof(leaf.Index, latest.Size), latest.Note);
                Text(zip, $"{root}proofs/{ingested.Sha256}{TlogProof.FileExtension}", proof.Format());
            }

            if (caseEntries.Contains(leaf.Index))
            {
                await FootageAsync(zip, root + "footage/" + ingested.Stored.Replace('\\', '/'), ingested.Sha256, cancellationToken);
                packed.Add(ingested.Sha256);
            }
        }

        return packed;
    }

    private async Task FootageAsync(ZipArchive zip, string name, string sha256, CancellationToken cancellationToken)
    {
        await using var blob = blobs.OpenRead(sha256) ?? throw new CasePackageException($"file {sha256} is not stored in the cloud yet (its upload has not completed)");
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        await using var target = entry.Open();
        await blob.CopyToAsync(target, cancellationToken);
    }

    private async Task<List<StoredEntry>> LeavesAsync(string dockId, long size, CancellationToken cancellationToken)
    {
        var all = new List<StoredEntry>();
        while (all.Count < size)
        {
            var page = await entries.ListAsync(dockId, all.Count, (int)Math.Min(10_000, size - all.Count), cancellationToken);
            if (page.Count == 0 || page[0].Index != all.Count)
            {
                throw new InvalidOperationException($"the cloud's mirror of dock {dockId} lacks entry {all.Count}, below its cosigned size {size}");
            }

            all.AddRange(page);
        }

        return all;
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(s_utf8.GetBytes(text));
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
