using System.Text;
using DockGateway.Provisioning.Audit;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Custody;
using Xunit;

namespace DockGateway.Provisioning.Tests.Audit;

public sealed class BundleVerifierTests : IDisposable
{
    private readonly TestBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    private static void AssertFails(VerificationReport report, string where, string message)
    {
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Where.Contains(where, StringComparison.Ordinal) && f.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Intact_bundle_verifies_with_a_pinned_key_and_its_footage()
    {
        var report = _bundle.Verify();

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Equal(9, report.CheckpointSize);
        Assert.Equal(3, report.ProofsChecked);
        Assert.Equal(3, report.FootageFilesChecked);
        Assert.Equal(3, report.Custody.Ingested);
        Assert.Equal(2, report.Custody.Erased);
        Assert.Equal(5, Assert.Single(report.Custody.NotErased).Index);
        Assert.Equal(1, Assert.Single(report.Custody.Late).Index); // the flagged ingested entry; its late entry is the same event
        var late = Assert.Single(report.Custody.Late).Description;
        Assert.StartsWith("ingested ", late, StringComparison.Ordinal); // the log's own words: type, then name=value as written
        Assert.Contains(" late=true ", late, StringComparison.Ordinal);
        Assert.Contains(" recorder=CAM-1 ", late, StringComparison.Ordinal);
        Assert.DoesNotContain("{", late, StringComparison.Ordinal);
        Assert.Single(report.Custody.Gaps);
        Assert.Single(report.Custody.Errors);
    }

    [Fact]
    public void Intact_bundle_verifies_with_the_keys_it_carries_and_says_they_are_not_pinned()
    {
        var report = _bundle.Verify(pinKey: false, footage: false);

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Contains("not pinned", report.KeySource, StringComparison.Ordinal);
    }

    [Fact]
    public void One_edited_byte_in_an_entry_is_caught_and_its_proof_names_the_entry()
    {
        var lines = _bundle.Lines.ToList();
        lines[3] = lines[3].Replace("0002.MP4", "0003.MP4", StringComparison.Ordinal);
        _bundle.WriteEntries(lines);

        var report = _bundle.Verify();

        AssertFails(report, "entries.jsonl", "Merkle root of entries 0..8");
        AssertFails(report, $"proofs/{_bundle.Shas[1]}", "inclusion proof for entry 3 does not lead to the root");
    }

    [Fact]
    public void One_changed_byte_in_a_non_file_entry_names_the_first_entry_range_whose_signed_checkpoint_no_longer_matches()
    {
        var lines = _bundle.Lines.ToList();
        lines[4] = lines[4].Replace("0002.MP4", "0003.MP4", StringComparison.Ordinal); // entry 4: an erased entry, no proof of its own
        _bundle.WriteEntries(lines);

        var report = _bundle.Verify(footage: false);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("entries.jsonl entries 3..4 (lines 4..5)", failure.Where);
        Assert.Contains("the signed checkpoint of size 5 no longer matches, the one of size 3 still does", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Merkle root of entries 0..8", failure.Message, StringComparison.Ordinal);
        Assert.Equal( // the proofs whose checkpoints (sizes 5 and 7) cover the change: consequences, not failures
            new[] { $"proofs/{_bundle.Shas[1]}.tlog-proof", $"proofs/{_bundle.Shas[2]}.tlog-proof" }.Order(StringComparer.Ordinal),
            report.Consequences.Select(c => c.Where).Order(StringComparer.Ordinal));
        Assert.Equal(3, report.CoveredSize); // the custody summary covers what the checkpoint of size 3 still proves
        Assert.Equal(1, report.Custody.Ingested);
    }

    [Fact]
    public void Without_checkpoints_the_proofs_embedded_checkpoints_still_narrow_the_change_down()
    {
        Directory.Delete(Path.Combine(_bundle.Directory, "checkpoints"), recursive: true); // a bundle exported before checkpoints/ existed
        var lines = _bundle.Lines.ToList();
        lines[6] = lines[6].Replace("CAM-1", "CAM-2", StringComparison.Ordinal);
        _bundle.WriteEntries(lines);

        var report = _bundle.Verify(footage: false);

        Assert.Equal("entries.jsonl entries 5..6 (lines 6..7)", Assert.Single(report.Failures).Where); // between the proofs' checkpoints of sizes 5 and 7
    }

    [Fact]
    public void Two_signed_checkpoints_of_one_size_with_different_roots_are_a_fork()
    {
        var note = SignedNote.Parse(File.ReadAllText(Path.Combine(_bundle.Directory, "checkpoints", "5")));
        var body = note.Text.Split('\n');
        body[2] = Convert.ToBase64String(new byte[32]);
        using var key = Ed25519PrivateKey.Generate();
        var forger = new NoteSigner(TestBundle.Origin, key);
        File.WriteAllText(Path.Combine(_bundle.Directory, "checkpoints", "5"), forger.SignNote(string.Join('\n', body)).ToString());

        var report = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), new VerificationOptions { PinnedKeys = [_bundle.VerifierKey, forger.VerifierKey] });

        Assert.Contains(report.Failures, f => f.Message.Contains("the log was forked", StringComparison.Ordinal)
            && (f.Where + f.Message).Contains("checkpoints/5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_entry_before_every_earlier_checkpoint_is_placed_in_the_first_range()
    {
        var lines = _bundle.Lines.ToList();
        lines[0] = lines[0].Replace("CAM-1", "CAM-2", StringComparison.Ordinal);
        _bundle.WriteEntries(lines);

        var report = _bundle.Verify(footage: false);

        Assert.Contains(report.Failures, f => f.Where == "entries.jsonl entries 0..2 (lines 1..3)");
    }

    [Fact]
    public void Footage_is_still_hashed_when_the_root_fails_and_both_are_reported()
    {
        var lines = _bundle.Lines.ToList();
        lines[7] = lines[7].Replace("CAM-1", "CAM-2", StringComparison.Ordinal); // the gap entry
        _bundle.WriteEntries(lines);

        var report = _bundle.Verify();

        Assert.False(report.Passed);
        Assert.Equal(3, report.FootageFilesChecked);
        Assert.Contains(report.Checks, c => c.StartsWith("3 stored files match their entries' SHA-256 and size", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Where == "entries.jsonl entries 7..8 (lines 8..9)");
    }

    [Fact]
    public void A_deleted_entry_is_caught()
    {
        _bundle.WriteEntries(_bundle.Lines.Where((_, i) => i != 4));

        var report = _bundle.Verify();

        AssertFails(report, "entries.jsonl", "has 8 entries but the checkpoint commits to 9");
    }

    [Fact]
    public void A_non_canonical_entry_is_caught_by_line()
    {
        var lines = _bundle.Lines.ToList();
        lines[0] = lines[0].Replace(",", ", ", StringComparison.Ordinal);
        _bundle.WriteEntries(lines);

        AssertFails(_bundle.Verify(), "entries.jsonl line 1 (entry 0)", "not RFC 8785 canonical JSON");
    }

    [Fact]
    public void Swapped_proofs_are_caught_by_file_name()
    {
        var first = _bundle.ProofPath(_bundle.Shas[0]);
        var second = _bundle.ProofPath(_bundle.Shas[1]);
        var text = File.ReadAllText(first);
        File.WriteAllText(first, File.ReadAllText(second));
        File.WriteAllText(second, text);

        var report = _bundle.Verify();

        AssertFails(report, $"proofs/{_bundle.Shas[0]}.tlog-proof", "index 3 points at entry \"ingested\"");
        AssertFails(report, $"proofs/{_bundle.Shas[1]}.tlog-proof", "not an ingested entry with sha256");
    }

    [Fact]
    public void A_missing_proof_is_caught_by_entry()
    {
        File.Delete(_bundle.ProofPath(_bundle.Shas[2]));

        AssertFails(_bundle.Verify(), "entry 5", $"has no proofs/{_bundle.Shas[2]}.tlog-proof");
    }

    [Fact]
    public void A_checkpoint_with_a_forged_size_and_root_fails_its_signature()
    {
        var body = _bundle.CheckpointText.Split('\n');
        body[1] = "8";
        File.WriteAllText(Path.Combine(_bundle.Directory, "checkpoint"), string.Join('\n', body));

        AssertFails(_bundle.Verify(), "checkpoint", "does not verify");
    }

    [Fact]
    public void A_checkpoint_signed_by_another_key_with_the_same_name_is_rejected()
    {
        using var other = Ed25519PrivateKey.Generate();
        var forger = new NoteSigner(TestBundle.Origin, other);
        var text = SignedNote.Parse(_bundle.CheckpointText).Text;
        File.WriteAllText(Path.Combine(_bundle.Directory, "checkpoint"), forger.SignNote(text).ToString());

        AssertFails(_bundle.Verify(), "checkpoint", "no signature by a known key");
    }

    [Fact]
    public void A_wrong_pinned_key_rejects_the_bundle_even_though_keys_txt_matches()
    {
        using var other = Ed25519PrivateKey.Generate();
        var wrongKey = new NoteSigner(TestBundle.Origin, other).VerifierKey;

        var report = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), new VerificationOptions { PinnedKeys = [wrongKey] });

        AssertFails(report, "checkpoint", "no signature by a known key");
        Assert.Contains(report.Warnings, w => w.Where == "keys.txt");
    }

    [Fact]
    public void A_modified_footage_file_is_caught_by_entry_and_path()
    {
        var path = _bundle.StoredPath(1);
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 1;
        File.WriteAllBytes(path, bytes);

        AssertFails(_bundle.Verify(), "entry 3 field stored", $"has SHA-256 ");
    }

    [Fact]
    public void Footage_for_hashes_only_the_named_files_and_each_must_be_present_and_named()
    {
        File.Delete(_bundle.StoredPath(2)); // a case package carries only its case's files
        var only = new VerificationOptions { PinnedKeys = [_bundle.VerifierKey], FootageDirectory = _bundle.Footage, FootageFor = [_bundle.Shas[0], _bundle.Shas[1]] };

        var report = BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), only);
        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Equal(2, report.FootageFilesChecked);

        File.Delete(_bundle.StoredPath(1));
        AssertFails(BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), only), "entry 3 field stored", "is missing from the footage directory");
        var unknown = new string('0', 64);
        AssertFails(BundleVerifier.Verify(AuditBundle.Load(_bundle.Directory), only with { FootageFor = [_bundle.Shas[0], unknown] }), "--footage-for", unknown);
    }

    [Fact]
    public void A_missing_footage_file_is_caught_by_entry_and_path()
    {
        File.Delete(_bundle.StoredPath(2));

        AssertFails(_bundle.Verify(), "entry 5 field stored", "is missing from the footage directory");
    }

    [Fact]
    public void Entries_beyond_the_checkpoint_are_reported_as_unverified()
    {
        _bundle.WriteEntries(_bundle.Lines.Append(TestBundle.Line(new RemovedEntry(1, "CAM-1", Complete: true))));

        var report = _bundle.Verify();

        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Contains(report.Warnings, w => w.Message.Contains("entries 9..9 are not covered", StringComparison.Ordinal));
        Assert.Equal(0, report.Custody.Count("removed"));
    }

    [Fact]
    public void A_stored_path_that_leaves_the_footage_directory_is_not_followed()
    {
        var entry = new AuditEntry(7, [], TestEntries.Ingested("00", 1, "../bundle/keys.txt"));
        var report = new VerificationReport(_bundle.Directory);

        FootageCheck.Run(_bundle.Footage, [entry], report);

        AssertFails(report, "entry 7 field stored", "'../bundle/keys.txt' is not a path inside the footage directory");
    }
}
