using NSec.Cryptography;

namespace DockGateway.Shared.Crypto;

/// <summary>Ed25519 signature verification (RFC 8032) through NSec.</summary>
public static class Ed25519
{
    /// <summary>
    /// True when <paramref name="signature"/> is a valid signature of <paramref name="message"/>
    /// by <paramref name="publicKey"/>; false for any bad input, including wrong lengths.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519PrivateKey.PublicKeySize || signature.Length != Ed25519PrivateKey.SignatureSize)
        {
            return false;
        }

        var algorithm = SignatureAlgorithm.Ed25519;
        return PublicKey.TryImport(algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            && key is not null
            && algorithm.Verify(key, message, signature);
    }
}
