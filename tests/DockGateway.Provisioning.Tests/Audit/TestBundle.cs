using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Tests.Audit;

/// <summary>
/// An auditor bundle built directly from the shared primitives, laid out as the dock exports it:
/// three ingested files (two erased, one still on its recorder), a late, a gap and an error entry,
/// stored copies under <see cref="Footage"/>, and proofs whose checkpoints are earlier trees.
/// </summary>
internal sealed class TestBundle : IDisposable
{
    public const string Origin = "test.docks.example/dock-1";
    public static readonly string[] Files = ["DCIM/REC_20261120_083012_0001.MP4", "DCIM/REC_20261120_090540_0002.MP4", "DCIM/AUD_20261120_091500.WAV"];

    private readonly string _root;

    /// <param name="extraEntries">Canonical JSON lines appended (and signed) after the standard ones; "{sha0}" is replaced by file 0's SHA-256.</param>
    public TestBundle(params string[] extraEntries)
    {
        _root = System.IO.Directory.CreateTempSubdirectory("dockctl-test-").FullName;
        Directory = Path.Combine(_root, "bundle");
        Footage = Path.Combine(_root, "footage");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, AuditBundle.ProofsDirectory));
        using var key = Ed25519PrivateKey.Generate();
        var signer = new NoteSigner(Origin, key);
        VerifierKey = signer.VerifierKey;

        var entries = new List<string> { Entry("inserted", ("recorder", "CAM-1"), ("slot", 1)) };
        var proofAt = new List<(string Sha, long Index)>();
        var fileIndex = 0;
        foreach (var file in Files)
        {
            var content = RandomNumberGenerator.GetBytes(4096 + (fileIndex * 1000));
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var stored = $"CAM-1/{sha}.mp4";
            System.IO.Directory.CreateDirectory(Path.Combine(Footage, "CAM-1"));
            File.WriteAllBytes(Path.Combine(Footage, stored), content);
            Shas.Add(sha);
            proofAt.Add((sha, entries.Count));
            entries.Add(Entry("ingested", ("late", fileIndex == 0), ("path", file), ("recorded_end", "2026-11-20T08:40:12Z"),
                ("recorded_start", "2026-11-20T08:30:12Z"), ("recorder", "CAM-1"), ("sha256", sha), ("size", content.Length), ("stored", stored)));
            if (fileIndex < 2)
            {
                entries.Add(Entry("erased", ("ingested", entries.Count - 1), ("path", file), ("recorder", "CAM-1"), ("sha256", sha)));
            }

            fileIndex++;
        }

        entries.Add(Entry("late", ("path", Files[0]), ("recorder", "CAM-1"), ("sha256", Shas[0])));
        entries.Add(Entry("gap", ("missing", "0003"), ("recorder", "CAM-1")));
        entries.Add(Entry("error", ("message", "truncated file"), ("path", "DCIM/BAD.MP4"), ("recorder", "CAM-1")));
        entries.AddRange(extraEntries.Select(e => e.Replace("{sha0}", Shas[0], StringComparison.Ordinal)));
        Lines = entries;

        var tree = new MerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(Encoding.UTF8.GetBytes(entry));
        }

        CheckpointText = Sign(signer, tree, tree.Size);
        foreach (var (sha, index) in proofAt)
        {
            var size = index + 2; // an earlier checkpoint, as when the proof was taken at ingest time
            var proof = new TlogProof(index, tree.InclusionProof(index, size), Sign(signer, tree, size));
            File.WriteAllText(ProofPath(sha), proof.Format());
        }

        File.WriteAllText(Path.Combine(Directory, AuditBundle.CheckpointFile), CheckpointText);
        File.WriteAllText(Path.Combine(Directory, AuditBundle.KeysFile), VerifierKey + "\n");
        WriteEntries(entries);
    }

    public string Directory { get; }

    public string Footage { get; }

    public string VerifierKey { get; }

    public string CheckpointText { get; }

    public List<string> Lines { get; }

    public List<string> Shas { get; } = [];

    public string ProofPath(string sha) => Path.Combine(Directory, AuditBundle.ProofsDirectory, sha + AuditBundle.ProofExtension);

    public string StoredPath(int file) => Path.Combine(Footage, "CAM-1", Shas[file] + ".mp4");

    public void WriteEntries(IEnumerable<string> lines) =>
        File.WriteAllText(Path.Combine(Directory, AuditBundle.EntriesFile), string.Concat(lines.Select(l => l + "\n")));

    public VerificationReport Verify(bool pinKey = true, bool footage = true) =>
        BundleVerifier.Verify(AuditBundle.Load(Directory), new VerificationOptions
        {
            PinnedKeys = pinKey ? [VerifierKey] : [],
            FootageDirectory = footage ? Footage : null,
        });

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    private static string Sign(NoteSigner signer, MerkleTree tree, long size) =>
        signer.SignNote(new Checkpoint(Origin, size, tree.RootHash(size)).ToBody()).ToString();

    /// <summary>Canonical JSON for simple ASCII values: members sorted, no white space.</summary>
    private static string Entry(string type, params (string Name, object Value)[] fields)
    {
        var members = fields.Append(("type", type)).OrderBy(f => f.Item1, StringComparer.Ordinal).Select(f => f.Item2 switch
        {
            string s => $"\"{f.Item1}\":\"{s}\"",
            bool b => $"\"{f.Item1}\":{(b ? "true" : "false")}",
            _ => string.Create(CultureInfo.InvariantCulture, $"\"{f.Item1}\":{f.Item2}"),
        });
        return "{" + string.Join(",", members) + "}";
    }
}
