using System.Text;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Signs note text with an Ed25519 key (signature type 0x01). Does not own the key.</summary>
public sealed class NoteSigner(string name, Ed25519PrivateKey key)
{
    private readonly NoteKey _id = NoteKey.ForSigner(name, NoteFormat.Ed25519SignatureType, key.PublicKey);

    public string Name => _id.Name;

    public uint KeyId => _id.KeyId;

    public byte[] PublicKey => _id.PublicKey;

    /// <summary><c>name+hex8(keyID)+base64(0x01 ‖ public key)</c>, what verifiers are configured with.</summary>
    public string VerifierKey => _id.VerifierKey;

    public NoteSignature Sign(string text)
    {
        if (NoteFormat.TextProblem(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        return new NoteSignature(Name, KeyId, key.Sign(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Signs <paramref name="text"/> and returns the whole signed note.</summary>
    public SignedNote SignNote(string text) => new(text, [Sign(text)]);
}
