using System.Buffers.Binary;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Checks tlog-cosignature/v1 (type 0x04) signatures by one witness key.</summary>
public sealed class CosignatureVerifier
{
    private readonly NoteKey _id;

    private CosignatureVerifier(NoteKey id) => _id = id;

    public string Name => _id.Name;

    public uint KeyId => _id.KeyId;

    public byte[] PublicKey => _id.PublicKey;

    /// <summary>Parses <c>name+hex8+base64(0x04 ‖ public key)</c>, checking that the key ID matches.</summary>
    public static CosignatureVerifier Parse(string verifierKey) =>
        new(NoteKey.Parse(verifierKey, NoteFormat.CosignatureSignatureType, "cosignature verifier key"));

    /// <summary>True when the signature is this witness's and valid for <paramref name="checkpointBody"/>.</summary>
    public bool Verify(string checkpointBody, NoteSignature signature, out long unixSeconds)
    {
        unixSeconds = 0;
        if (!_id.Names(signature) || signature.Signature.Length != 8 + Ed25519PrivateKey.SignatureSize)
        {
            return false;
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        if (timestamp > long.MaxValue)
        {
            return false;
        }

        if (!Ed25519.Verify(PublicKey, CosignatureMessage.For(checkpointBody, (long)timestamp), signature.Signature.AsSpan(8)))
        {
            return false;
        }

        unixSeconds = (long)timestamp;
        return true;
    }

    /// <summary>
    /// Looks through <paramref name="note"/>'s signatures for one by this witness (name and key ID)
    /// that verifies over the note text; false when there is none or it does not verify.
    /// </summary>
    public bool Verify(SignedNote note, out long unixSeconds)
    {
        foreach (var signature in note.Signatures)
        {
            if (_id.Names(signature))
            {
                return Verify(note.Text, signature, out unixSeconds);
            }
        }

        unixSeconds = 0;
        return false;
    }

    public override string ToString() => _id.VerifierKey;
}
