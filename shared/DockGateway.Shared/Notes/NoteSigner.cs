using System.Text;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Signs note text with an Ed25519 key (signature type 0x01). Does not own the key.</summary>
public sealed class NoteSigner
{
    private readonly Ed25519PrivateKey _key;

    public NoteSigner(string name, Ed25519PrivateKey key)
    {
        if (NoteFormat.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        Name = name;
        _key = key;
        PublicKey = key.PublicKey;
        KeyId = NoteFormat.KeyId(name, NoteFormat.Ed25519SignatureType, PublicKey);
        VerifierKey = NoteFormat.VerifierKey(name, KeyId, NoteFormat.Ed25519SignatureType, PublicKey);
    }

    public string Name { get; }

    public uint KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary><c>name+hex8(keyID)+base64(0x01 ‖ public key)</c>, what verifiers are configured with.</summary>
    public string VerifierKey { get; }

    public NoteSignature Sign(string text)
    {
        if (NoteFormat.TextProblem(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        return new NoteSignature(Name, KeyId, _key.Sign(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Signs <paramref name="text"/> and returns the whole signed note.</summary>
    public SignedNote SignNote(string text) => new(text, [Sign(text)]);
}
