using System.Security.Cryptography;
using System.Text;
using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;

namespace DockGateway.Provisioning.Tests.Audit;

/// <summary>
/// An auditor bundle built directly from the shared primitives, laid out as the dock exports it:
/// three ingested files (two erased, one still on its recorder), a late, a gap and an error entry,
/// stored copies under <see cref="Footage"/>, proofs whose checkpoints are earlier trees, and every
/// signed checkpoint (sizes 3, 5, 7 and 9) under <c>checkpoints/</c>.
/// </summary>
internal sealed class TestBundle : IDisposable
{
    public const string Origin = "test.docks.example/dock-1";
    public static readonly string[] Files = ["DCIM/REC_20261120_083012_0001.MP4", "DCIM/REC_20261120_090540_0002.MP4", "DCIM/AUD_20261120_091500.WAV"];

    private readonly string _root;

    public static readonly DateTimeOffset Time = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <param name="extraEntries">Lines appended (and signed) after the standard ones, given file 0's SHA-256.</param>
    public TestBundle(params Func<string, string>[] extraEntries)
    {
        _root = System.IO.Directory.CreateTempSubdirectory("dockctl-test-").FullName;
        Directory = Path.Combine(_root, "bundle");
        Footage = Path.Combine(_root, "footage");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, AuditBundle.ProofsDirectory));
        using var key = Ed25519PrivateKey.Generate();
        var signer = new NoteSigner(Origin, key);
        VerifierKey = signer.VerifierKey;

        var entries = new List<string> { Line(new InsertedEntry(1, "CAM-1", "Vendor", "Model")) };
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
            entries.Add(Line(new IngestedEntry(1, "CAM-1", "Vendor", "Model", file, sha, content.Length, stored,
                Time.AddHours(-4), Time.AddHours(-3.5), "metadata", Late: fileIndex == 0)));
            if (fileIndex < 2)
            {
                entries.Add(Line(new ErasedEntry(1, "CAM-1", file, sha, entries.Count - 1)));
            }

            fileIndex++;
        }

        entries.Add(Line(new LateEntry(1, "CAM-1", Files[0], Shas[0], Time.AddHours(-30), 30)));
        entries.Add(Line(GapEntry.Between(1, "CAM-1", 2, 4)));
        entries.Add(Line(new ErrorEntry(1, "CAM-1", "read-failed", "truncated file", Path: "DCIM/BAD.MP4")));
        entries.AddRange(extraEntries.Select(e => e(Shas[0])));
        Lines = entries;

        var tree = new MerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(Encoding.UTF8.GetBytes(entry));
        }

        CheckpointText = Sign(signer, tree, tree.Size);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "checkpoints"));
        foreach (var (sha, index) in proofAt)
        {
            var size = index + 2; // an earlier checkpoint, as when the proof was taken at ingest time
            var proof = new TlogProof(index, tree.InclusionProof(index, size), Sign(signer, tree, size));
            File.WriteAllText(ProofPath(sha), proof.Format());
            File.WriteAllText(Path.Combine(Directory, "checkpoints", $"{size}"), Sign(signer, tree, size));
        }

        File.WriteAllText(Path.Combine(Directory, "checkpoints", $"{tree.Size}"), CheckpointText); // every signed checkpoint, as the dock exports them

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

    /// <summary>An entry's line as the dock would have written it.</summary>
    public static string Line(CustodyEntry entry) =>
        Encoding.UTF8.GetString(CustodyEntryCodec.Encode(entry with { Dock = "dock-1", Time = Time }));
}
