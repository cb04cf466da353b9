using SodiumNative = DockGateway.Shared.Interop.Interop.Sodium;

namespace DockGateway.Shared.Crypto;

/// <summary>
/// An Ed25519 signing key (RFC 8032) held by libsodium in guarded, locked memory. The secret
/// never lives in a managed array except briefly while it is being copied out on request.
/// </summary>
public sealed class Ed25519PrivateKey : IDisposable
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private readonly SecureMemoryHandle _secretKey;
    private readonly byte[] _publicKey;

    private Ed25519PrivateKey(SecureMemoryHandle secretKey, byte[] publicKey)
    {
        _secretKey = secretKey;
        _publicKey = publicKey;
    }

    /// <summary>The 32-byte public key (a fresh copy on each call).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>Creates a key from 32 bytes of libsodium's CSPRNG.</summary>
    public static Ed25519PrivateKey Generate()
    {
        SodiumLibrary.EnsureInitialized();
        Span<byte> seed = stackalloc byte[SeedSize];
        try
        {
            SodiumNative.randombytes_buf(seed, SeedSize);
            return FromSeed(seed);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Derives the key pair from an RFC 8032 32-byte private key (the seed).</summary>
    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed32)
    {
        if (seed32.Length != SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes, got {seed32.Length}", nameof(seed32));
        }

        var secretKey = SecureMemoryHandle.Allocate(SodiumNative.crypto_sign_SECRETKEYBYTES);
        var publicKey = new byte[PublicKeySize];
        if (SodiumNative.crypto_sign_seed_keypair(publicKey, secretKey, seed32) != 0)
        {
            secretKey.Dispose();
            throw new InvalidOperationException("crypto_sign_seed_keypair failed");
        }

        return new Ed25519PrivateKey(secretKey, publicKey);
    }

    /// <summary>Signs <paramref name="message"/> (pure Ed25519, no pre-hash): 64 bytes.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_secretKey.IsClosed, this);
        var signature = new byte[SignatureSize];
        if (SodiumNative.crypto_sign_detached(signature, out _, message, (ulong)message.Length, _secretKey) != 0)
        {
            throw new InvalidOperationException("crypto_sign_detached failed");
        }

        return signature;
    }

    /// <summary>Copies the 32-byte seed out (for writing a key file); wipe the destination after use.</summary>
    public void CopySeedTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_secretKey.IsClosed, this);
        if (destination.Length < SeedSize)
        {
            throw new ArgumentException($"the destination must hold {SeedSize} bytes, it holds {destination.Length}", nameof(destination));
        }

        // libsodium's secret key is seed (32) followed by the public key (32).
        _secretKey.CopyTo(destination, 0, SeedSize);
    }

    public void Dispose() => _secretKey.Dispose();
}
