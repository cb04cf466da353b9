using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DockGateway.Shared.Notes;

/// <summary>Strict parsing rules shared by the C2SP note, checkpoint, proof and witness formats.</summary>
internal static class NoteFormat
{
    public const byte Ed25519SignatureType = 0x01;
    public const byte CosignatureSignatureType = 0x04;

    /// <summary>Key names: non-empty, no Unicode white space, no '+', no control characters.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "key name is empty";
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))
            {
                return $"key name '{name}' contains a space, '+' or control character";
            }
        }

        return HasLoneSurrogate(name) ? $"key name '{name}' is not valid UTF-8" : null;
    }

    /// <summary>Note text: ends with a newline, no control characters but newline, valid UTF-8.</summary>
    public static string? TextProblem(string text)
    {
        if (text.Length == 0 || text[^1] != '\n')
        {
            return "note text must end with a newline";
        }

        var controls = ControlCharacterProblem(text);
        return controls ?? (HasLoneSurrogate(text) ? "note text is not valid UTF-8" : null);
    }

    public static string? ControlCharacterProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 && text[i] != '\n')
            {
                return $"control character U+{(int)text[i]:X4} at offset {i} (only newline is allowed)";
            }
        }

        return null;
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>First 4 bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ type ‖ public key).</summary>
    public static uint KeyId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    public static string VerifierKey(string name, uint keyId, byte type, ReadOnlySpan<byte> publicKey)
    {
        var blob = new byte[1 + publicKey.Length];
        blob[0] = type;
        publicKey.CopyTo(blob.AsSpan(1));
        return $"{name}+{keyId:x8}+{Convert.ToBase64String(blob)}";
    }

    /// <summary>Standard padded base64 only: no white space, canonical padding bits.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }
        }

        try
        {
            var decoded = Convert.FromBase64String(text);
            if (Convert.ToBase64String(decoded) != text)
            {
                return false;
            }

            bytes = decoded;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A non-negative decimal without leading zeros ("0" itself is allowed).</summary>
    public static bool TryParseDecimal(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 19 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
