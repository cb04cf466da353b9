using System.Text;
using DockGateway.Device.Custody.Audit;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Device.Tests.Custody.Audit;

public class AuditExporterTests
{
    [Fact]
    public async Task Bundle_holds_checkpoint_exact_entries_keys_and_a_verifying_proof_per_ingested_file()
    {
        using var dock = new TestDock();
        var volume = dock.NewVolume("r1");
        TestDock.AddFixtures(volume);
        await dock.IngestAsync(volume);
        var bundle = Path.Combine(dock.Root, "bundle");

        // The dock keeps running (its log stays open for writing) while the auditor exports.
        var result = AuditExporter.Export(dock.DataDirectory, bundle);

        var keys = File.ReadAllLines(Path.Combine(bundle, "keys.txt"));
        Assert.Equal([dock.Log.VerifierKey], keys);
        var note = NoteVerification.Open(File.ReadAllText(Path.Combine(bundle, "checkpoint")), keys.Select(NoteVerifier.Parse));
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal(result.TreeSize, checkpoint.Size);

        var bytes = File.ReadAllBytes(Path.Combine(bundle, "entries.jsonl"));
        var lines = Split(bytes);
        Assert.Equal(checkpoint.Size, lines.Count);
        var stored = dock.Log.Entries(0, checkpoint.Size);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(stored[i].Json, lines[i]);
        }

        Assert.Equal(checkpoint.RootHash, new MerkleTree(lines.Select(l => MerkleHash.Leaf(l))).RootHash());
        var hashes = TestDock.FixtureHashes().Values.Order().ToList();
        Assert.Equal(hashes, Directory.GetFiles(Path.Combine(bundle, "proofs")).Select(p => Path.GetFileNameWithoutExtension(p)).Order());
        Assert.Equal(4, result.Proofs);
        foreach (var sha in hashes)
        {
            var proof = TlogProof.Parse(File.ReadAllText(Path.Combine(bundle, "proofs", sha + ".tlog-proof")));
            Assert.Equal(sha, Assert.IsType<IngestedEntry>(CustodyEntryCodec.Decode(lines[(int)proof.Index])).Sha256);
            Assert.True(MerkleProof.VerifyInclusion(proof.Index, checkpoint.Size, MerkleHash.Leaf(lines[(int)proof.Index]), proof.Hashes, checkpoint.RootHash));
            Assert.Equal(File.ReadAllText(Path.Combine(bundle, "checkpoint")), proof.Checkpoint);
        }
    }

    [Fact]
    public void Export_refuses_a_non_empty_output_folder_and_a_missing_log()
    {
        using var dock = new TestDock();
        dock.Log.Append(new InsertedEntry(1, "SN-1", "V", "M"));
        dock.Log.SignCheckpoint();
        var bundle = Directory.CreateDirectory(Path.Combine(dock.Root, "bundle")).FullName;
        File.WriteAllText(Path.Combine(bundle, "other"), "x");
        Assert.Contains("not empty", Assert.Throws<InvalidOperationException>(() => AuditExporter.Export(dock.DataDirectory, bundle)).Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => AuditExporter.Export(Path.Combine(dock.Root, "nowhere"), Path.Combine(dock.Root, "b2")));
    }

    [Fact]
    public void Export_covers_exactly_the_entries_of_the_latest_checkpoint()
    {
        using var dock = new TestDock();
        dock.Log.Append(new InsertedEntry(1, "SN-1", "V", "M"));
        dock.Log.SignCheckpoint();
        dock.Log.Append(new RemovedEntry(1, "SN-1", true));
        var bundle = Path.Combine(dock.Root, "bundle");
        var result = AuditExporter.Export(dock.DataDirectory, bundle);
        Assert.Equal(1, result.TreeSize);
        Assert.Single(Split(File.ReadAllBytes(Path.Combine(bundle, "entries.jsonl"))));
    }

    [Fact]
    public void Bundle_carries_every_signed_checkpoint_up_to_the_latest_under_its_size()
    {
        using var dock = new TestDock();
        dock.Log.Append(new InsertedEntry(1, "SN-1", "V", "M"));
        dock.Log.SignCheckpoint();
        dock.Log.Append(new RemovedEntry(1, "SN-1", true));
        dock.Log.Append(new InsertedEntry(2, "SN-2", "V", "M"));
        dock.Log.SignCheckpoint();
        var bundle = Path.Combine(dock.Root, "bundle");

        AuditExporter.Export(dock.DataDirectory, bundle);

        var files = Directory.GetFiles(Path.Combine(bundle, "checkpoints")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["1", "3"], files);
        var verifier = NoteVerifier.Parse(dock.Log.VerifierKey);
        Assert.Equal(3, Checkpoint.Parse(NoteVerification.Open(File.ReadAllText(Path.Combine(bundle, "checkpoints", "3")), [verifier]).Text).Size);
        Assert.Equal(File.ReadAllText(Path.Combine(bundle, "checkpoint")), File.ReadAllText(Path.Combine(bundle, "checkpoints", "3")));
        var first = Checkpoint.Parse(NoteVerification.Open(File.ReadAllText(Path.Combine(bundle, "checkpoints", "1")), [verifier]).Text);
        Assert.Equal(1, first.Size);
        Assert.Equal(new MerkleTree(dock.Log.Entries(0, 1).Select(e => e.LeafHash)).RootHash(), first.RootHash);
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        Assert.Equal((byte)'\n', bytes[^1]);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        Assert.DoesNotContain(lines, l => Encoding.UTF8.GetString(l).Length == 0);
        return lines;
    }
}
