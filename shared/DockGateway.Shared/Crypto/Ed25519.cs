using SodiumNative = DockGateway.Shared.Interop.Interop.Sodium;

namespace DockGateway.Shared.Crypto;

/// <summary>Ed25519 signature verification (RFC 8032) through libsodium.</summary>
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

        SodiumLibrary.EnsureInitialized();
        return SodiumNative.crypto_sign_verify_detached(signature, message, (ulong)message.Length, publicKey) == 0;
    }
}
