using System.Buffers.Binary;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Checks tlog-cosignature/v1 (type 0x04) signatures by one witness key.</summary>
public sealed class CosignatureVerifier
{
    private CosignatureVerifier(string name, uint keyId, byte[] publicKey)
    {
        Name = name;
        KeyId = keyId;
        PublicKey = publicKey;
    }

    public string Name { get; }

    public uint KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary>Parses <c>name+hex8+base64(0x04 ‖ public key)</c>, checking that the key ID matches.</summary>
    public static CosignatureVerifier Parse(string verifierKey)
    {
        var (name, keyId, publicKey) = NoteVerifier.ParseParts(verifierKey, NoteFormat.CosignatureSignatureType, "cosignature verifier key");
        return new CosignatureVerifier(name, keyId, publicKey);
    }

    /// <summary>True when the signature is this witness's and valid for <paramref name="checkpointBody"/>.</summary>
    public bool Verify(string checkpointBody, NoteSignature signature, out long unixSeconds)
    {
        unixSeconds = 0;
        if (signature.KeyName != Name || signature.KeyId != KeyId || signature.Signature.Length != 8 + Ed25519PrivateKey.SignatureSize)
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
            if (signature.KeyName == Name && signature.KeyId == KeyId)
            {
                return Verify(note.Text, signature, out unixSeconds);
            }
        }

        unixSeconds = 0;
        return false;
    }

    public override string ToString() => NoteFormat.VerifierKey(Name, KeyId, NoteFormat.CosignatureSignatureType, PublicKey);
}
