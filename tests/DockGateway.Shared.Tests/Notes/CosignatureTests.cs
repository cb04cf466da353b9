using System.Buffers.Binary;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Shared.Tests.Notes;

/// <summary>c2sp.org/tlog-cosignature (Ed25519, type 0x04) with vectors from the spec and transparency-dev/formats.</summary>
public class CosignatureTests
{
    private const string Body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void Signed_message_is_the_header_the_time_line_and_the_checkpoint_body()
    {
        // The example message printed in c2sp.org/tlog-cosignature.
        const string expected = "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(CosignatureMessage.For(Body, 1679315147)));
    }

    [Fact]
    public void C2sp_example_cosignature_line_carries_key_id_and_big_endian_timestamp()
    {
        var note = SignedNote.Parse(Body + "\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
            + "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n");

        var cosignature = note.Signatures[1];
        Assert.Equal("witness.example.com/w1", cosignature.KeyName);
        Assert.Equal(0x8d66cf3fu, cosignature.KeyId);
        Assert.Equal(72, cosignature.Signature.Length);
        Assert.Equal(1679315147ul, BinaryPrimitives.ReadUInt64BigEndian(cosignature.Signature));
    }

    [Fact]
    public void Transparency_dev_cosignature_vector_decodes_its_timestamp()
    {
        var note = SignedNote.Parse("a\n\n\u2014 w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==\n");
        Assert.Equal(1727964367ul, BinaryPrimitives.ReadUInt64BigEndian(note.Signatures[0].Signature));
    }

    [Fact]
    public void Published_native_cosignature_verifier_key_parses_with_its_key_id()
    {
        var verifier = CosignatureVerifier.Parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        Assert.Equal("remora.n621.de", verifier.Name);
        Assert.Equal(0xda77ade7u, verifier.KeyId);
        Assert.Equal("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2", verifier.ToString());
    }

    [Fact]
    public void A_plain_ed25519_note_key_is_not_accepted_as_a_cosignature_key()
    {
        var error = Assert.Throws<FormatException>(() => CosignatureVerifier.Parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"));
        Assert.Contains("0x04", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosignature_round_trips_and_reports_its_time()
    {
        using var key = Ed25519PrivateKey.Generate();
        var signer = new CosignatureSigner("witness.dock.example/w1", key);
        var verifier = CosignatureVerifier.Parse(signer.VerifierKey);

        var signature = signer.Sign(Body, 1_763_800_000);

        Assert.Equal(signer.KeyId, verifier.KeyId);
        Assert.True(verifier.Verify(Body, signature, out var time));
        Assert.Equal(1_763_800_000, time);
        Assert.NotEqual(new NoteSigner("witness.dock.example/w1", key).KeyId, signer.KeyId);
    }

    [Fact]
    public void Cosignature_fails_for_another_body_time_or_extension_line()
    {
        using var key = Ed25519PrivateKey.Generate();
        var signer = new CosignatureSigner("w1", key);
        var verifier = CosignatureVerifier.Parse(signer.VerifierKey);
        var signature = signer.Sign(Body + "Extendo\n", 1000);

        Assert.False(verifier.Verify(Body, signature, out _));
        Assert.False(verifier.Verify(Body + "Extendo\n".Replace('E', '@'), signature, out _));
        var otherTime = (byte[])signature.Signature.Clone();
        otherTime[7] ^= 1;
        Assert.False(verifier.Verify(Body + "Extendo\n", signature with { Signature = otherTime }, out _));
        Assert.False(verifier.Verify(Body + "Extendo\n", signature with { Signature = signature.Signature[..71] }, out _));
        Assert.True(verifier.Verify(Body + "Extendo\n", signature, out _));
    }

    [Fact]
    public void Plain_note_verifier_ignores_a_cosignature_by_the_same_name()
    {
        using var logKey = Ed25519PrivateKey.Generate();
        using var witnessKey = Ed25519PrivateKey.Generate();
        var log = new NoteSigner("example.com/behind-the-sofa", logKey);
        var witness = new CosignatureSigner("witness.example.com/w1", witnessKey);
        var note = log.SignNote(Body).WithSignature(witness.Sign(Body, 1679315147));

        var opened = NoteVerification.Open(note.ToString(), [NoteVerifier.Parse(log.VerifierKey)]);

        Assert.Equal(2, opened.Signatures.Count);
        Assert.True(CosignatureVerifier.Parse(witness.VerifierKey).Verify(opened.Text, opened.Signatures[1], out _));
        Assert.True(CosignatureVerifier.Parse(witness.VerifierKey).Verify(opened, out var time));
        Assert.Equal(1679315147, time);
        using var strangerKey = Ed25519PrivateKey.Generate();
        Assert.False(CosignatureVerifier.Parse(new CosignatureSigner("witness.example.com/w1", strangerKey).VerifierKey).Verify(opened, out _));
    }
}
