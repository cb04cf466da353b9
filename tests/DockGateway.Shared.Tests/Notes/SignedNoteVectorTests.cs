using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Shared.Tests.Notes;

/// <summary>Vectors from golang.org/x/mod/sumdb/note (note_test.go) and c2sp.org/signed-note.</summary>
public class SignedNoteVectorTests
{
    private const string PeterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    // Go's signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz" is base64(0x01 ‖ seed).
    private const string PeterPrivate = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSig = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static Ed25519PrivateKey PeterSigningKey() => Ed25519PrivateKey.FromSeed(Convert.FromBase64String(PeterPrivate).AsSpan(1));

    [Fact]
    public void Signing_the_go_vector_text_with_the_peterneumann_key_gives_the_published_note()
    {
        using var key = PeterSigningKey();
        var signer = new NoteSigner("PeterNeumann", key);

        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(PeterKey, signer.VerifierKey);
        Assert.Equal(Text + "\n" + PeterSig, signer.SignNote(Text).ToString());
    }

    [Fact]
    public void Published_note_opens_with_the_peterneumann_verifier()
    {
        var note = NoteVerification.Open(Text + "\n" + PeterSig, [NoteVerifier.Parse(PeterKey)]);

        Assert.Equal(Text, note.Text);
        var signature = Assert.Single(note.Signatures);
        Assert.Equal("PeterNeumann", signature.KeyName);
        Assert.Equal(0xc74f20a3u, signature.KeyId);
        Assert.Equal(64, signature.Signature.Length);
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_known_keys_are_all_verified()
    {
        var both = Text + "\n" + PeterSig + EnochSig;

        NoteVerification.Open(both, [NoteVerifier.Parse(PeterKey)], out var onlyPeter);
        NoteVerification.Open(both, [NoteVerifier.Parse(PeterKey), NoteVerifier.Parse(EnochKey)], out var bothVerified);

        Assert.Equal(["PeterNeumann"], onlyPeter.Select(v => v.Name));
        Assert.Equal(["PeterNeumann", "EnochRoot"], bothVerified.Select(v => v.Name));
    }

    [Fact]
    public void A_note_without_a_known_signature_is_rejected()
    {
        var error = Assert.Throws<NoteVerificationException>(() => NoteVerification.Open(Text + "\n" + PeterSig + EnochSig, []));
        Assert.Contains("no signature by a known key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_signature_by_a_known_key_rejects_the_whole_note()
    {
        var mangled = PeterSig[..58] + "ABCD" + PeterSig[58..];
        var error = Assert.Throws<NoteVerificationException>(
            () => NoteVerification.Open(Text + "\n" + mangled + EnochSig, [NoteVerifier.Parse(PeterKey), NoteVerifier.Parse(EnochKey)]));
        Assert.Contains("PeterNeumann+c74f20a3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_trusted_key_listed_twice_is_not_ambiguous_and_other_keys_of_that_name_are_ignored()
    {
        using var key = Ed25519PrivateKey.Generate();
        var impostor = NoteVerifier.Parse(new NoteSigner("PeterNeumann", key).VerifierKey);
        var colliding = NoteVerifier.Parse(PeterKey);
        var trusted = new[] { colliding, colliding, impostor };

        Assert.NotNull(NoteVerification.Open(Text + "\n" + PeterSig, trusted));
        Assert.Equal(0xc74f20a3u, colliding.KeyId);
    }

    [Fact]
    public void A_known_name_with_another_key_id_counts_as_unknown()
    {
        var otherId = PeterSig.Replace("x08g", "xxxx", StringComparison.Ordinal);
        Assert.Throws<NoteVerificationException>(() => NoteVerification.Open(Text + "\n" + otherId, [NoteVerifier.Parse(PeterKey)]));
        var otherName = PeterSig.Replace("PeterNeumann", "CarmenSandiego", StringComparison.Ordinal);
        Assert.Throws<NoteVerificationException>(() => NoteVerification.Open(Text + "\n" + otherName, [NoteVerifier.Parse(PeterKey)]));
    }

    public static TheoryData<string> MalformedNotes => new()
    {
        Text,
        Text + "\n",
        Text + "\n" + PeterSig[..^1],
        "\u0001" + Text + "\n" + PeterSig,
        Text + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        Text + "\n" + PeterSig + "Unexpected line.\n",
        Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 101)),
        Text + "\n" + "\u2014 PeterNeumann x08g\n",
        Text + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        Text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n" + PeterSig,
    };

    [Theory]
    [MemberData(nameof(MalformedNotes))]
    public void Malformed_notes_are_rejected_as_format_errors(string note)
    {
        Assert.Throws<FormatException>(() => NoteVerification.Open(note, [NoteVerifier.Parse(PeterKey)]));
    }

    [Fact]
    public void One_hundred_signatures_are_accepted()
    {
        var note = NoteVerification.Open(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 100)), [NoteVerifier.Parse(PeterKey)]);
        Assert.Equal(100, note.Signatures.Count);
    }

    [Fact]
    public void Every_substring_and_every_single_character_change_of_a_verifier_key_is_refused()
    {
        Assert.Equal(0xc74f20a3u, NoteVerifier.Parse(PeterKey).KeyId);
        for (var i = 0; i <= PeterKey.Length; i++)
        {
            for (var j = i + 1; j <= PeterKey.Length; j++)
            {
                if (i != 0 || j != PeterKey.Length)
                {
                    Assert.Throws<FormatException>(() => NoteVerifier.Parse(PeterKey[i..j]));
                }
            }
        }

        var chars = PeterKey.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i]++;
            Assert.Throws<FormatException>(() => NoteVerifier.Parse(new string(chars)));
            chars[i]--;
        }
    }

    [Theory]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==", "base64")]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEA==", "expected 32")]
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "key type")]
    [InlineData("PeterNeumann+c74f20a3", "name+keyid+key")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "space")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "does not match")]
    public void Bad_verifier_keys_are_refused_saying_what_is_wrong(string key, string problem)
    {
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse(key));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C2sp_example_note_keeps_its_empty_text_line_and_splits_at_the_last_blank_line()
    {
        const string note = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n"
            + "\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

        var parsed = SignedNote.Parse(note);

        Assert.Equal("Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n", parsed.Text);
        Assert.Equal("quasimodo.example/salvatore", Assert.Single(parsed.Signatures).KeyName);
        Assert.Equal(note, parsed.ToString());
    }

    [Fact]
    public void Adding_a_signature_by_the_same_key_replaces_the_old_one()
    {
        using var key = PeterSigningKey();
        var signer = new NoteSigner("PeterNeumann", key);
        var stale = new SignedNote(Text, [new NoteSignature("PeterNeumann", 0xc74f20a3, [1, 2, 3])]);

        var signed = stale.WithSignature(signer.Sign(Text));

        Assert.Equal(Text + "\n" + PeterSig, signed.ToString());
    }

    [Fact]
    public void Signer_refuses_text_without_final_newline_or_with_control_characters()
    {
        using var key = Ed25519PrivateKey.Generate();
        var signer = new NoteSigner("dock.example/1", key);
        Assert.Throws<ArgumentException>(() => signer.Sign("abc"));
        Assert.Throws<ArgumentException>(() => signer.Sign("a\tb\n"));
        Assert.Throws<ArgumentException>(() => new NoteSigner("bad+name", key));
    }
}
