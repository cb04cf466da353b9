using System.Text;
using DockGateway.Shared.Crypto;

namespace DockGateway.Shared.Http;

/// <summary>
/// Checks an RFC 9421 Ed25519 request signature made by <see cref="HttpRequestSigner"/>: the
/// covered components must be <c>"@method" "@target-uri" "content-digest"</c> followed by every tus
/// header field the request carries (<see cref="SignatureBase.TusFields"/>) and nothing else, a
/// <c>nonce</c> parameter must be present, the signature fresh (within <c>maxAge</c> of
/// <c>created</c>, not from the future beyond <see cref="ClockSkew"/>), and the key known. Replay
/// detection is left to the caller, which records <see cref="HttpSignatureCheck.KeyId"/> with the nonce.
/// </summary>
public sealed class HttpSignatureVerifier
{
    public HttpSignatureVerifier()
        : this(TimeSpan.FromSeconds(60))
    {
    }

    public HttpSignatureVerifier(TimeSpan clockSkew) => ClockSkew = clockSkew;

    /// <summary>The longest nonce accepted (the replay cache stores each one).</summary>
    public const int MaxNonceLength = 128;

    /// <summary>How far in the future <c>created</c> may be (clocks differ); 60 s by default.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>Checks the signature and also that <paramref name="body"/> matches the Content-Digest.</summary>
    public HttpSignatureCheck Verify(
        string method, string targetUri, string? contentDigestHeader, string? signatureInput, string? signature,
        ReadOnlySpan<byte> body, Func<string, byte[]?> publicKeyForKeyId, DateTimeOffset now, TimeSpan maxAge)
    {
        var check = Verify(method, targetUri, contentDigestHeader, signatureInput, signature, publicKeyForKeyId, now, maxAge);
        if (check.Valid && ContentDigest.Check(contentDigestHeader, body) is { } problem)
        {
            return check with { Valid = false, Error = problem };
        }

        return check;
    }

    /// <summary>Checks the signature of a request that carries no tus header field.</summary>
    public HttpSignatureCheck Verify(
        string method, string targetUri, string? contentDigestHeader, string? signatureInput, string? signature,
        Func<string, byte[]?> publicKeyForKeyId, DateTimeOffset now, TimeSpan maxAge) =>
        Verify(method, targetUri, contentDigestHeader, signatureInput, signature, _ => null, publicKeyForKeyId, now, maxAge);

    /// <summary>
    /// Checks the signature over the headers; <paramref name="fieldValue"/> gives a header field's value by its
    /// lower-case name (several lines joined with ", "), or null when the request does not carry it. The body's
    /// digest is the caller's to check (<see cref="ContentDigest.Verify"/>).
    /// </summary>
    public HttpSignatureCheck Verify(
        string method, string targetUri, string? contentDigestHeader, string? signatureInput, string? signature,
        Func<string, string?> fieldValue, Func<string, byte[]?> publicKeyForKeyId, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrWhiteSpace(signatureInput))
        {
            return HttpSignatureCheck.Fail("Signature-Input header is missing");
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            return HttpSignatureCheck.Fail("Signature header is missing");
        }

        if (string.IsNullOrWhiteSpace(contentDigestHeader))
        {
            return HttpSignatureCheck.Fail("Content-Digest header is missing");
        }

        StructuredFieldDictionary inputs;
        StructuredFieldDictionary signatures;
        try
        {
            inputs = StructuredFieldDictionary.Parse(signatureInput);
            signatures = StructuredFieldDictionary.Parse(signature);
        }
        catch (FormatException e)
        {
            return HttpSignatureCheck.Fail($"malformed signature header: {e.Message}");
        }

        var label = HttpRequestSigner.Label;
        if (inputs[label] is not { Value: IReadOnlyList<SfItem> components } input)
        {
            return HttpSignatureCheck.Fail($"Signature-Input has no inner list labelled {label}");
        }

        if (signatures[label]?.Value is not byte[] signatureBytes)
        {
            return HttpSignatureCheck.Fail($"Signature has no byte sequence labelled {label}");
        }

        var parameters = input.Parameters;
        var keyId = parameters.GetValueOrDefault("keyid") as string;
        var nonce = parameters.GetValueOrDefault("nonce") as string;
        if (parameters.GetValueOrDefault("created") is not long created)
        {
            return HttpSignatureCheck.Fail("signature has no integer created parameter", keyId, 0, nonce);
        }

        HttpSignatureCheck Fail(string error) => HttpSignatureCheck.Fail(error, keyId, created, nonce) with { Signature = signatureBytes };

        var names = components.Select(c => c.Value as string).ToList();
        var fields = names.Skip(SignatureBase.CoveredComponents.Count).ToList();
        if (!names.Take(SignatureBase.CoveredComponents.Count).SequenceEqual(SignatureBase.CoveredComponents)
            || components.Any(c => c.Parameters.Count != 0)
            || fields.Any(f => f is null || !SignatureBase.TusFields.Contains(f))
            || fields.Distinct().Count() != fields.Count)
        {
            return Fail($"signature must cover exactly {string.Join(' ', SignatureBase.CoveredComponents.Select(SignatureBase.Quote))}, "
                + "then each tus header field the request carries, once");
        }

        if (SignatureBase.TusFields.FirstOrDefault(f => fieldValue(f) is not null && !fields.Contains(f)) is { } uncovered)
        {
            return Fail($"the request's '{uncovered}' header is not covered by the signature (every tus header the request carries must be)");
        }

        if (fields.FirstOrDefault(f => fieldValue(f!) is null) is { } absent)
        {
            return Fail($"the signature covers '{absent}' but the request has no such header");
        }

        if (keyId is null)
        {
            return Fail("signature has no keyid parameter");
        }

        if (parameters.TryGetValue("alg", out var alg) && alg as string != SignatureBase.Algorithm)
        {
            return Fail($"unsupported alg '{alg}', expected {SignatureBase.Algorithm}");
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(created);
        if (age > maxAge)
        {
            return Fail($"signature expired (created {age.TotalSeconds:F0} s ago, the limit is {maxAge.TotalSeconds:F0} s)");
        }

        if (-age > ClockSkew)
        {
            return Fail($"signature created {-age.TotalSeconds:F0} s in the future");
        }

        if (parameters.GetValueOrDefault("expires") is long expires && now.ToUnixTimeSeconds() > expires)
        {
            return Fail("signature expired (past its expires parameter)");
        }

        if (string.IsNullOrEmpty(nonce))
        {
            return Fail("signature has no nonce parameter (a fresh random nonce is required on every request, against replay)");
        }

        if (nonce.Length > MaxNonceLength)
        {
            return Fail($"nonce parameter is longer than {MaxNonceLength} characters");
        }

        if (publicKeyForKeyId(keyId) is not { } publicKey)
        {
            return Fail($"unknown keyid '{keyId}'");
        }

        string signatureBase;
        try
        {
            var signatureParams = SignatureParamsOf(input, components);
            signatureBase = SignatureBase.Build(method, targetUri, contentDigestHeader, fields.Select(f => (f!, fieldValue(f!)!)), signatureParams);
        }
        catch (FormatException e)
        {
            return Fail(e.Message);
        }

        if (!Ed25519.Verify(publicKey, Encoding.UTF8.GetBytes(signatureBase), signatureBytes))
        {
            return Fail($"signature does not verify with the key of '{keyId}'");
        }

        return new HttpSignatureCheck(true, keyId, created, nonce, null) { Signature = signatureBytes };
    }

    /// <summary>Re-serialises the Signature-Input member (RFC 9421 §2.3), parameters in the order sent.</summary>
    private static string SignatureParamsOf(SfItem input, IReadOnlyList<SfItem> components)
    {
        var text = new StringBuilder("(").AppendJoin(' ', components.Select(c => SignatureBase.Quote((string)c.Value))).Append(')');
        foreach (var (name, value) in input.Parameters)
        {
            text.Append(';').Append(name);
            switch (value)
            {
                case true:
                    break;
                case false:
                    text.Append("=?0");
                    break;
                case long number:
                    text.Append('=').Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case string s:
                    text.Append('=').Append(SignatureBase.Quote(s));
                    break;
                case SfToken token:
                    text.Append('=').Append(token.Value);
                    break;
                case byte[] bytes:
                    text.Append("=:").Append(Convert.ToBase64String(bytes)).Append(':');
                    break;
                default:
                    throw new FormatException($"unsupported parameter {name}");
            }
        }

        return text.ToString();
    }
}
