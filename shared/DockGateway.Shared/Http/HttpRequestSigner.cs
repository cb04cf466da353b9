using System.Security.Cryptography;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Http;

/// <summary>
/// Signs outgoing requests per RFC 9421 with Ed25519, covering method, target URI, the RFC 9530
/// content digest of the body and every tus header the request carries (<see cref="SignatureBase.TusFields"/>),
/// with a fresh random nonce each time. Does not own the key; set the tus headers before signing.
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

        var fields = TusFieldsOf(request);
        var signatureParams = SignatureBase.SignatureParams(
            SignatureBase.CoveredComponents.Concat(fields.Select(f => f.Name)),
            time.GetUtcNow().ToUnixTimeSeconds(),
            KeyId,
            SignatureBase.Algorithm,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var signatureBase = SignatureBase.Build(request.Method.Method, uri.AbsoluteUri, digest, fields, signatureParams);
        var signature = key.Sign(System.Text.Encoding.UTF8.GetBytes(signatureBase));

        Replace(request, ContentDigest.HeaderName, digest);
        Replace(request, SignatureInputHeader, $"{Label}={signatureParams}");
        Replace(request, SignatureHeader, $"{Label}=:{Convert.ToBase64String(signature)}:");
    }

    /// <summary>The tus header fields present on the request, values joined as RFC 9421 §2.1 says (", ").</summary>
    private static List<(string Name, string Value)> TusFieldsOf(HttpRequestMessage request)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var name in SignatureBase.TusFields)
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                fields.Add((name, string.Join(", ", values)));
            }
        }

        return fields;
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
