using System.Text;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Checks Ed25519 note signatures (type 0x01) by one key, parsed from its verifier key string.</summary>
public sealed class NoteVerifier
{
    private readonly NoteKey _id;

    private NoteVerifier(NoteKey id) => _id = id;

    public string Name => _id.Name;

    public uint KeyId => _id.KeyId;

    public byte[] PublicKey => _id.PublicKey;

    /// <summary>Parses <c>name+hex8+base64(0x01 ‖ public key)</c>, checking that the key ID matches.</summary>
    public static NoteVerifier Parse(string verifierKey) =>
        new(NoteKey.Parse(verifierKey, NoteFormat.Ed25519SignatureType, "verifier key"));

    /// <summary>True when the signature is this key's (name and ID) and valid over <paramref name="text"/>.</summary>
    public bool Verify(string text, NoteSignature signature) =>
        _id.Names(signature) && Ed25519.Verify(PublicKey, Encoding.UTF8.GetBytes(text), signature.Signature);

    public override string ToString() => _id.VerifierKey;
}
