using System.Text;
using DockGateway.Device.Custody;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Device.Custody.Audit;

/// <summary>
/// Writes the auditor bundle (issue 2 item 7) from a dock's data directory, read-only, so it works
/// while the dock runs:
/// <list type="bullet">
/// <item><c>checkpoint</c> — the latest signed checkpoint note (with witness cosignatures when it has them);</item>
/// <item><c>entries.jsonl</c> — line i = the exact bytes of leaf i, for every leaf the checkpoint covers;</item>
/// <item><c>keys.txt</c> — verifier key strings, one a line (the dock's, then any witnesses');</item>
/// <item><c>checkpoints/&lt;size&gt;</c> — every signed checkpoint the log kept up to the latest (cosigned when it
/// was), so a verifier can name the first entry range whose signed root no longer matches;</item>
/// <item><c>proofs/&lt;sha256&gt;.tlog-proof</c> — a C2SP tlog-proof for each ingested file.</item>
/// </list>
/// </summary>
public static class AuditExporter
{
    public const string CheckpointFile = "checkpoint";
    public const string EntriesFile = "entries.jsonl";
    public const string KeysFile = "keys.txt";
    public const string ProofsDirectory = "proofs";
    public const string CheckpointsDirectory = "checkpoints";

    /// <exception cref="FileNotFoundException">No custody.db in <paramref name="dataDir"/>.</exception>
    /// <exception cref="InvalidOperationException">No checkpoint signed yet, the output folder is not empty, or the log does not match its checkpoint.</exception>
    public static AuditExportResult Export(string dataDir, string outDir)
    {
        using var store = CustodyStore.OpenReadOnly(dataDir);
        return store.Snapshot(() => Write(store, dataDir, outDir));
    }

    private static AuditExportResult Write(CustodyStore store, string dataDir, string outDir)
    {
        var checkpoint = store.LatestCheckpoint()
            ?? throw new InvalidOperationException($"the custody log in {dataDir} has no signed checkpoint yet (the dock signs one after each recorder and every Dock:CheckpointInterval)");
        var keys = store.VerifierKeys();
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            throw new InvalidOperationException($"output folder {outDir} is not empty: refusing to mix bundles");
        }

        Directory.CreateDirectory(Path.Combine(outDir, ProofsDirectory));
        var tree = new MerkleTree();
        var ingested = new List<(long Index, string Sha256)>();
        using (var entries = new FileStream(Path.Combine(outDir, EntriesFile), FileMode.CreateNew, FileAccess.Write))
        {
            foreach (var record in store.Entries(0, checkpoint.Size))
            {
                if (record.Index != tree.Size || !MerkleHash.Leaf(record.Json).AsSpan().SequenceEqual(record.LeafHash))
                {
                    throw new InvalidOperationException($"custody.db entry {record.Index} is missing or does not match its leaf hash");
                }

                tree.AppendLeafHash(record.LeafHash);
                entries.Write(record.Json);
                entries.WriteByte((byte)'\n');
                if (record.Entry is IngestedEntry { Sha256: var sha256 })
                {
                    ingested.Add((record.Index, sha256));
                }
            }

            entries.Flush(flushToDisk: true);
        }

        if (tree.Size != checkpoint.Size || !tree.RootHash().AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new InvalidOperationException($"custody.db does not reproduce the root of its checkpoint at size {checkpoint.Size}");
        }

        var note = checkpoint.BestNote;
        File.WriteAllText(Path.Combine(outDir, CheckpointFile), note, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(outDir, KeysFile), string.Concat(keys.Select(k => k + "\n")), new UTF8Encoding(false));
        Directory.CreateDirectory(Path.Combine(outDir, CheckpointsDirectory));
        foreach (var signed in store.AllCheckpoints().Where(c => c.Size <= checkpoint.Size))
        {
            var name = signed.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(outDir, CheckpointsDirectory, name), signed.BestNote, new UTF8Encoding(false));
        }

        var proofs = 0;
        foreach (var (index, sha256) in ingested)
        {
            var path = Path.Combine(outDir, ProofsDirectory, sha256 + TlogProof.FileExtension);
            if (!IsHex(sha256) || File.Exists(path))
            {
                continue; // the first entry for a hash is the custody record; names are hex only
            }

            var proof = new TlogProof(index, tree.InclusionProof(index, checkpoint.Size), note);
            File.WriteAllText(path, proof.Format(), new UTF8Encoding(false));
            proofs++;
        }

        return new AuditExportResult(Path.GetFullPath(outDir), checkpoint.Size, proofs, keys.Count);
    }

    private static bool IsHex(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
