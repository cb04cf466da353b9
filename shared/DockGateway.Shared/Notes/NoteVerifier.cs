using System.Globalization;
using System.Text;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>Checks Ed25519 note signatures (type 0x01) by one key, parsed from its verifier key string.</summary>
public sealed class NoteVerifier
{
    private NoteVerifier(string name, uint keyId, byte[] publicKey)
    {
        Name = name;
        KeyId = keyId;
        PublicKey = publicKey;
    }

    public string Name { get; }

    public uint KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary>Parses <c>name+hex8+base64(0x01 ‖ public key)</c>, checking that the key ID matches.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var (name, keyId, publicKey) = ParseParts(verifierKey, NoteFormat.Ed25519SignatureType, "verifier key");
        return new NoteVerifier(name, keyId, publicKey);
    }

    /// <summary>True when the signature is this key's (name and ID) and valid over <paramref name="text"/>.</summary>
    public bool Verify(string text, NoteSignature signature) =>
        signature.KeyName == Name
        && signature.KeyId == KeyId
        && Ed25519.Verify(PublicKey, Encoding.UTF8.GetBytes(text), signature.Signature);

    public override string ToString() => NoteFormat.VerifierKey(Name, KeyId, NoteFormat.Ed25519SignatureType, PublicKey);

    internal static (string Name, uint KeyId, byte[] PublicKey) ParseParts(string verifierKey, byte type, string what)
    {
        // The base64 key may itself contain '+': split off the name and the key ID only.
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"{what} '{verifierKey}' is not name+keyid+key");
        }

        if (NoteFormat.NameProblem(parts[0]) is { } problem)
        {
            throw new FormatException($"{what} '{verifierKey}': {problem}");
        }

        if (parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigit)
            || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new FormatException($"{what} '{verifierKey}': key ID '{parts[1]}' is not 8 hex digits");
        }

        if (!NoteFormat.TryDecodeBase64(parts[2], out var blob))
        {
            throw new FormatException($"{what} '{verifierKey}': the key is not standard base64");
        }

        if (blob.Length == 0 || blob[0] != type)
        {
            var found = blob.Length == 0 ? "nothing" : $"0x{blob[0]:x2}";
            throw new FormatException($"{what} '{verifierKey}': key type is {found}, expected 0x{type:x2}");
        }

        if (blob.Length != 1 + Ed25519PrivateKey.PublicKeySize)
        {
            throw new FormatException($"{what} '{verifierKey}': Ed25519 public key is {blob.Length - 1} bytes, expected {Ed25519PrivateKey.PublicKeySize}");
        }

        var publicKey = blob[1..];
        var expected = NoteFormat.KeyId(parts[0], type, publicKey);
        if (expected != keyId)
        {
            throw new FormatException($"{what} '{verifierKey}': key ID {keyId:x8} does not match the key (expected {expected:x8})");
        }

        return (parts[0], keyId, publicKey);
    }
}
