using System.Buffers.Binary;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>
/// A witness's C2SP tlog-cosignature/v1 signer (signature type 0x04): signs
/// <c>cosignature/v1\ntime T\n</c> followed by the checkpoint body. Does not own the key.
/// </summary>
public sealed class CosignatureSigner(string name, Ed25519PrivateKey key)
{
    private readonly NoteKey _id = NoteKey.ForSigner(name, NoteFormat.CosignatureSignatureType, key.PublicKey);

    public string Name => _id.Name;

    public uint KeyId => _id.KeyId;

    public byte[] PublicKey => _id.PublicKey;

    /// <summary><c>name+hex8(keyID)+base64(0x04 ‖ public key)</c>.</summary>
    public string VerifierKey => _id.VerifierKey;

    /// <summary>The cosignature line content: Signature = timestamp (8, big-endian) ‖ Ed25519 signature (64).</summary>
    public NoteSignature Sign(string checkpointBody, long unixSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unixSeconds);
        _ = Checkpoint.Parse(checkpointBody);
        var signature = new byte[8 + Ed25519PrivateKey.SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, (ulong)unixSeconds);
        key.Sign(CosignatureMessage.For(checkpointBody, unixSeconds)).CopyTo(signature, 8);
        return new NoteSignature(Name, KeyId, signature);
    }
}
