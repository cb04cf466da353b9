using System.Security.Cryptography;

namespace DockGateway.Shared.Http;

/// <summary>RFC 9530 <c>Content-Digest</c> with the sha-256 (and, when present, sha-512) algorithm.</summary>
public static class ContentDigest
{
    public const string HeaderName = "Content-Digest";

    /// <summary><c>sha-256=:&lt;base64 of SHA-256(body)&gt;:</c></summary>
    public static string Sha256(ReadOnlySpan<byte> body) => FromSha256(SHA256.HashData(body));

    /// <summary><c>sha-256=:&lt;base64 of hash&gt;:</c> for a body whose SHA-256 is already known.</summary>
    public static string FromSha256(ReadOnlySpan<byte> hash) =>
        hash.Length == SHA256.HashSizeInBytes
            ? $"sha-256=:{Convert.ToBase64String(hash)}:"
            : throw new ArgumentException($"a SHA-256 is {SHA256.HashSizeInBytes} bytes, got {hash.Length}", nameof(hash));

    /// <summary>
    /// True when <paramref name="headerValue"/> is a valid dictionary with a sha-256 member that
    /// matches <paramref name="body"/> (a sha-512 member, if any, must match too). Never throws.
    /// </summary>
    public static bool Verify(string? headerValue, ReadOnlySpan<byte> body) => Check(headerValue, body) is null;

    /// <summary>Null when the digest matches, otherwise what is wrong.</summary>
    public static string? Check(string? headerValue, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return "Content-Digest header is missing";
        }

        StructuredFieldDictionary dictionary;
        try
        {
            dictionary = StructuredFieldDictionary.Parse(headerValue);
        }
        catch (FormatException e)
        {
            return $"Content-Digest header is malformed: {e.Message}";
        }

        if (dictionary["sha-256"]?.Value is not byte[] sha256)
        {
            return "Content-Digest header has no sha-256 byte sequence";
        }

        if (!CryptographicOperations.FixedTimeEquals(sha256, SHA256.HashData(body)))
        {
            return "Content-Digest sha-256 does not match the body";
        }

        if (dictionary["sha-512"] is { } sha512
            && (sha512.Value is not byte[] expected512 || !CryptographicOperations.FixedTimeEquals(expected512, SHA512.HashData(body))))
        {
            return "Content-Digest sha-512 does not match the body";
        }

        return null;
    }
}
