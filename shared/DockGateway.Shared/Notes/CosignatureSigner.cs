using System.Buffers.Binary;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>
/// A witness's C2SP tlog-cosignature/v1 signer (signature type 0x04): signs
/// <c>cosignature/v1\ntime T\n</c> followed by the checkpoint body. Does not own the key.
/// </summary>
public sealed class CosignatureSigner
{
    private readonly Ed25519PrivateKey _key;

    public CosignatureSigner(string name, Ed25519PrivateKey key)
    {
        if (NoteFormat.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        Name = name;
        _key = key;
        PublicKey = key.PublicKey;
        KeyId = NoteFormat.KeyId(name, NoteFormat.CosignatureSignatureType, PublicKey);
        VerifierKey = NoteFormat.VerifierKey(name, KeyId, NoteFormat.CosignatureSignatureType, PublicKey);
    }

    public string Name { get; }

    public uint KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary><c>name+hex8(keyID)+base64(0x04 ‖ public key)</c>.</summary>
    public string VerifierKey { get; }

    /// <summary>The cosignature line content: Signature = timestamp (8, big-endian) ‖ Ed25519 signature (64).</summary>
    public NoteSignature Sign(string checkpointBody, long unixSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unixSeconds);
        _ = Checkpoint.Parse(checkpointBody);
        var signature = new byte[8 + Ed25519PrivateKey.SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, (ulong)unixSeconds);
        _key.Sign(CosignatureMessage.For(checkpointBody, unixSeconds)).CopyTo(signature, 8);
        return new NoteSignature(Name, KeyId, signature);
    }
}
