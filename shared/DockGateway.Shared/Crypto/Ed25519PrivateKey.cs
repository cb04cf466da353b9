using NSec.Cryptography;

namespace DockGateway.Shared.Crypto;

/// <summary>
/// An Ed25519 signing key (RFC 8032) held by NSec, which keeps the secret in libsodium's guarded,
/// locked memory. The secret never lives in a managed array except briefly while it is being
/// copied out on request.
/// </summary>
public sealed class Ed25519PrivateKey : IDisposable
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private readonly Key _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Ed25519PrivateKey(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key (a fresh copy on each call).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>Creates a key from libsodium's CSPRNG (through NSec).</summary>
    public static Ed25519PrivateKey Generate() => Wrap(Key.Create(SignatureAlgorithm.Ed25519, Exportable()));

    /// <summary>Derives the key pair from an RFC 8032 32-byte private key (the seed).</summary>
    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed32)
    {
        if (seed32.Length != SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed is {SeedSize} bytes, got {seed32.Length}", nameof(seed32));
        }

        return Wrap(Key.Import(SignatureAlgorithm.Ed25519, seed32, KeyBlobFormat.RawPrivateKey, Exportable()));
    }

    /// <summary>Signs <paramref name="message"/> (pure Ed25519, no pre-hash): 64 bytes.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var signature = new byte[SignatureSize];
        SignatureAlgorithm.Ed25519.Sign(_key, message, signature);
        return signature;
    }

    /// <summary>Copies the 32-byte seed out (for writing a key file); wipe the destination after use.</summary>
    public void CopySeedTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < SeedSize)
        {
            throw new ArgumentException($"the destination must hold {SeedSize} bytes, it holds {destination.Length}", nameof(destination));
        }

        // NSec's raw Ed25519 private key blob is exactly the RFC 8032 seed.
        if (!_key.TryExport(KeyBlobFormat.RawPrivateKey, destination[..SeedSize], out var written) || written != SeedSize)
        {
            throw new InvalidOperationException("NSec could not export the Ed25519 seed");
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _key.Dispose();
    }

    // Plaintext export stays allowed: key files hold the raw seed (see CopySeedTo and KeyFile).
    // KeyCreationParameters is a ref struct, so it is built per call rather than held in a field.
    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private static Ed25519PrivateKey Wrap(Key key)
    {
        try
        {
            return new Ed25519PrivateKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
