using System.Security.Cryptography;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Http;

/// <summary>
/// Signs outgoing requests per RFC 9421 with Ed25519, covering method, target URI and the
/// RFC 9530 content digest of the body. Does not own the key.
/// </summary>
public sealed class HttpRequestSigner(string keyId, Ed25519PrivateKey key, TimeProvider time)
{
    public const string Label = "sig1";
    public const string SignatureInputHeader = "Signature-Input";
    public const string SignatureHeader = "Signature";

    public string KeyId { get; } = keyId;

    /// <summary>Sets Content-Digest, Signature-Input and Signature (replacing any already there).</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body) => Sign(request, ContentDigest.Sha256(body));

    /// <summary>As <see cref="Sign(HttpRequestMessage, ReadOnlySpan{byte})"/>, with the body's Content-Digest value already computed.</summary>
    public void Sign(HttpRequestMessage request, string digest)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"cannot sign a request without an absolute URI (got '{uri}')");
        }

        var signatureParams = SignatureBase.SignatureParams(
            time.GetUtcNow().ToUnixTimeSeconds(),
            KeyId,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var signatureBase = SignatureBase.Build(request.Method.Method, uri.AbsoluteUri, digest, signatureParams);
        var signature = key.Sign(System.Text.Encoding.UTF8.GetBytes(signatureBase));

        Replace(request, ContentDigest.HeaderName, digest);
        Replace(request, SignatureInputHeader, $"{Label}={signatureParams}");
        Replace(request, SignatureHeader, $"{Label}=:{Convert.ToBase64String(signature)}:");
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
