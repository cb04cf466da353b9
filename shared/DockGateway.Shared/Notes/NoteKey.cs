using System.Globalization;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Notes;

/// <summary>
/// What identifies a C2SP note key: its name, signature type, Ed25519 public key and the key ID derived
/// from them (first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key)). Shared by the signers and verifiers
/// of both signature types (0x01 notes, 0x04 cosignatures).
/// </summary>
internal sealed class NoteKey
{
    private NoteKey(string name, byte type, byte[] publicKey, uint keyId)
    {
        Name = name;
        Type = type;
        PublicKey = publicKey;
        KeyId = keyId;
    }

    public string Name { get; }

    public byte Type { get; }

    public byte[] PublicKey { get; }

    public uint KeyId { get; }

    /// <summary><c>name+hex8(keyID)+base64(type ‖ public key)</c>.</summary>
    public string VerifierKey => NoteFormat.VerifierKey(Name, KeyId, Type, PublicKey);

    /// <summary>The key a signer signs with; throws <see cref="ArgumentException"/> for a name a note cannot carry.</summary>
    public static NoteKey ForSigner(string name, byte type, byte[] publicKey)
    {
        if (NoteFormat.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        return new NoteKey(name, type, publicKey, NoteFormat.KeyId(name, type, publicKey));
    }

    /// <summary>True when <paramref name="signature"/> names this key (name and key ID).</summary>
    public bool Names(NoteSignature signature) => signature.KeyName == Name && signature.KeyId == KeyId;

    /// <summary>
    /// Parses <c>name+hex8+base64(type ‖ public key)</c>, checking the type and that the key ID matches;
    /// a <see cref="FormatException"/> names <paramref name="what"/> and the part that is wrong.
    /// </summary>
    public static NoteKey Parse(string verifierKey, byte type, string what)
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

        return new NoteKey(parts[0], type, publicKey, keyId);
    }
}
