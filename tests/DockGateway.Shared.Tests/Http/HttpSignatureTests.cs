using System.Net;
using System.Text;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using Xunit;

namespace DockGateway.Shared.Tests.Http;

public sealed class HttpSignatureTests : IDisposable
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1_763_800_000);
    private static readonly TimeSpan s_maxAge = TimeSpan.FromMinutes(5);

    private readonly Ed25519PrivateKey _key = Ed25519PrivateKey.Generate();
    private readonly FixedTimeProvider _time = new(s_now);
    private readonly HttpSignatureVerifier _verifier = new();

    public void Dispose() => _key.Dispose();

    private HttpRequestSigner Signer() => new("dock-0001", _key, _time);

    private byte[]? Keys(string keyId) => keyId == "dock-0001" ? _key.PublicKey : null;

    private static string Header(HttpRequestMessage request, string name) => string.Join(", ", request.Headers.GetValues(name));

    private static (HttpRequestMessage Request, byte[] Body) SignedRequest(HttpRequestSigner signer, string body = "chunk of MP4")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Patch, "http://127.0.0.1:5080/tus/files/abc?x=1");
        signer.Sign(request, bytes);
        return (request, bytes);
    }

    private HttpSignatureCheck Check(HttpRequestMessage request, string? method = null, string? uri = null, string? digest = null, DateTimeOffset? now = null) =>
        _verifier.Verify(
            method ?? request.Method.Method,
            uri ?? request.RequestUri!.AbsoluteUri,
            digest ?? Header(request, "Content-Digest"),
            Header(request, "Signature-Input"),
            Header(request, "Signature"),
            Keys,
            now ?? s_now,
            s_maxAge);

    [Fact]
    public void Signed_request_carries_the_three_headers_in_the_agreed_form()
    {
        var (request, body) = SignedRequest(Signer());

        Assert.Equal(ContentDigest.Sha256(body), Header(request, "Content-Digest"));
        Assert.Matches(
            "^sig1=\\(\"@method\" \"@target-uri\" \"content-digest\"\\);created=1763800000;keyid=\"dock-0001\";alg=\"ed25519\";nonce=\"[0-9a-f]{32}\"$",
            Header(request, "Signature-Input"));
        Assert.Matches("^sig1=:[A-Za-z0-9+/]{86}==:$", Header(request, "Signature"));
    }

    [Fact]
    public void Signed_request_verifies_and_reports_key_created_nonce_and_signature()
    {
        var (request, body) = SignedRequest(Signer());

        var check = _verifier.Verify(
            "PATCH", "http://127.0.0.1:5080/tus/files/abc?x=1", Header(request, "Content-Digest"), Header(request, "Signature-Input"),
            Header(request, "Signature"), body, Keys, s_now.AddSeconds(30), s_maxAge);

        Assert.True(check.Valid, check.Error);
        Assert.Null(check.Error);
        Assert.Equal("dock-0001", check.KeyId);
        Assert.Equal(1_763_800_000, check.Created);
        Assert.Matches("^[0-9a-f]{32}$", check.Nonce);
        Assert.Equal(64, check.Signature!.Length);
    }

    [Fact]
    public void Identical_requests_get_different_nonces_and_signatures()
    {
        var signer = Signer();
        var (first, _) = SignedRequest(signer);
        var (second, _) = SignedRequest(signer);

        Assert.NotEqual(Check(first).Nonce, Check(second).Nonce);
        Assert.NotEqual(Header(first, "Signature"), Header(second, "Signature"));
    }

    [Fact]
    public void Old_signature_is_reported_expired()
    {
        var (request, _) = SignedRequest(Signer());
        var check = Check(request, now: s_now + s_maxAge + TimeSpan.FromSeconds(1));

        Assert.False(check.Valid);
        Assert.StartsWith("signature expired", check.Error, StringComparison.Ordinal);
        Assert.Equal("dock-0001", check.KeyId);
    }

    [Fact]
    public void Signature_from_the_future_is_refused()
    {
        var (request, _) = SignedRequest(Signer());
        var check = Check(request, now: s_now - TimeSpan.FromMinutes(2));
        Assert.False(check.Valid);
        Assert.Contains("in the future", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_id_is_reported()
    {
        using var other = Ed25519PrivateKey.Generate();
        var (request, _) = SignedRequest(new HttpRequestSigner("dock-9999", other, _time));
        var check = Check(request);
        Assert.False(check.Valid);
        Assert.Equal("unknown keyid 'dock-9999'", check.Error);
    }

    [Fact]
    public void Changing_method_uri_or_digest_breaks_the_signature()
    {
        var (request, _) = SignedRequest(Signer());

        Assert.Contains("does not verify", Check(request, method: "POST").Error, StringComparison.Ordinal);
        Assert.Contains("does not verify", Check(request, uri: "http://127.0.0.1:5080/tus/files/other?x=1").Error, StringComparison.Ordinal);
        Assert.Contains("does not verify", Check(request, digest: ContentDigest.Sha256("other"u8)).Error, StringComparison.Ordinal);
        Assert.True(Check(request).Valid);
    }

    [Fact]
    public void A_body_that_does_not_match_the_signed_digest_is_refused()
    {
        var (request, _) = SignedRequest(Signer());
        var check = _verifier.Verify(
            "PATCH", request.RequestUri!.AbsoluteUri, Header(request, "Content-Digest"), Header(request, "Signature-Input"),
            Header(request, "Signature"), "tampered"u8, Keys, s_now, s_maxAge);
        Assert.False(check.Valid);
        Assert.Contains("does not match the body", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_signing_under_a_known_key_id_fails()
    {
        using var impostor = Ed25519PrivateKey.Generate();
        var (request, _) = SignedRequest(new HttpRequestSigner("dock-0001", impostor, _time));
        Assert.Contains("does not verify", Check(request).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sig1=(\"@method\" \"@target-uri\");created=1763800000;keyid=\"dock-0001\";alg=\"ed25519\"", "cover exactly")]
    [InlineData("sig1=(\"@target-uri\" \"@method\" \"content-digest\");created=1763800000;keyid=\"dock-0001\"", "cover exactly")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"content-digest\");keyid=\"dock-0001\"", "no integer created")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1763800000", "no keyid")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1763800000;keyid=\"dock-0001\";alg=\"rsa-pss-sha512\"", "unsupported alg")]
    [InlineData("sig2=(\"@method\" \"@target-uri\" \"content-digest\");created=1763800000;keyid=\"dock-0001\"", "labelled sig1")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"content-digest\";created=1", "malformed")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1763800000;keyid=\"dock-0001\";expires=1763799999", "expires")]
    public void Unacceptable_signature_inputs_are_refused_with_a_reason(string signatureInput, string reason)
    {
        var (request, _) = SignedRequest(Signer());
        var check = _verifier.Verify("PATCH", request.RequestUri!.AbsoluteUri, Header(request, "Content-Digest"), signatureInput, Header(request, "Signature"), Keys, s_now, s_maxAge);
        Assert.False(check.Valid);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_made_by_another_implementation_with_parameters_in_another_order_verifies()
    {
        var digest = ContentDigest.Sha256("body"u8);
        const string signatureParams = "(\"@method\" \"@target-uri\" \"content-digest\");keyid=\"dock-0001\";nonce=\"n-1\";created=1763800000";
        var signatureBase = SignatureBase.Build("POST", "http://127.0.0.1:5080/enrol", digest, signatureParams);
        var signature = Convert.ToBase64String(_key.Sign(Encoding.UTF8.GetBytes(signatureBase)));

        var check = _verifier.Verify(
            "POST", "http://127.0.0.1:5080/enrol", digest, "sig1=" + signatureParams, $"sig1=:{signature}:", "body"u8, Keys, s_now, s_maxAge);

        Assert.True(check.Valid, check.Error);
        Assert.Equal("n-1", check.Nonce);
    }

    [Fact]
    public void Signer_covers_each_tus_header_the_request_carries_and_a_changed_one_breaks_the_signature()
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "http://127.0.0.1:5080/api/v1/uploads/abc");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", "65536");
        request.Headers.Add("Upload-Checksum", "sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        Signer().Sign(request, "chunk"u8);
        var fields = new Dictionary<string, string>
        {
            ["tus-resumable"] = "1.0.0", ["upload-offset"] = "65536", ["upload-checksum"] = "sha256 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        };

        HttpSignatureCheck CheckWith(IReadOnlyDictionary<string, string> values) => _verifier.Verify(
            "PATCH", request.RequestUri!.AbsoluteUri, Header(request, "Content-Digest"), Header(request, "Signature-Input"), Header(request, "Signature"),
            name => values.GetValueOrDefault(name), Keys, s_now, s_maxAge);

        Assert.StartsWith("sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"tus-resumable\" \"upload-offset\" \"upload-checksum\");", Header(request, "Signature-Input"), StringComparison.Ordinal);
        Assert.True(CheckWith(fields).Valid, CheckWith(fields).Error);
        Assert.Contains("does not verify", CheckWith(new Dictionary<string, string>(fields) { ["upload-offset"] = "0" }).Error, StringComparison.Ordinal);
        Assert.Contains("'upload-checksum' but the request has no such header",
            CheckWith(fields.Where(f => f.Key != "upload-checksum").ToDictionary()).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tus_header_the_signature_does_not_cover_is_refused_by_name()
    {
        var (request, _) = SignedRequest(Signer());

        var check = _verifier.Verify(
            "PATCH", request.RequestUri!.AbsoluteUri, Header(request, "Content-Digest"), Header(request, "Signature-Input"), Header(request, "Signature"),
            name => name == "upload-metadata" ? "sha256 YWJj" : null, Keys, s_now, s_maxAge);

        Assert.False(check.Valid);
        Assert.Equal("the request's 'upload-metadata' header is not covered by the signature (every tus header the request carries must be)", check.Error);
    }

    [Fact]
    public void A_signature_without_a_nonce_is_refused()
    {
        var digest = ContentDigest.Sha256("body"u8);
        const string signatureParams = "(\"@method\" \"@target-uri\" \"content-digest\");created=1763800000;keyid=\"dock-0001\";alg=\"ed25519\"";
        var signature = Convert.ToBase64String(_key.Sign(Encoding.UTF8.GetBytes(SignatureBase.Build("POST", "http://127.0.0.1:5080/x", digest, signatureParams))));

        var check = _verifier.Verify("POST", "http://127.0.0.1:5080/x", digest, "sig1=" + signatureParams, $"sig1=:{signature}:", "body"u8, Keys, s_now, s_maxAge);

        Assert.False(check.Valid);
        Assert.StartsWith("signature has no nonce parameter", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_headers_are_named()
    {
        Assert.Equal("Signature-Input header is missing", _verifier.Verify("GET", "http://x/", "d", null, "s", Keys, s_now, s_maxAge).Error);
        Assert.Equal("Signature header is missing", _verifier.Verify("GET", "http://x/", "d", "i", null, Keys, s_now, s_maxAge).Error);
        Assert.Equal("Content-Digest header is missing", _verifier.Verify("GET", "http://x/", null, "i", "s", Keys, s_now, s_maxAge).Error);
    }

    [Fact]
    public async Task Signing_handler_buffers_the_body_keeps_content_headers_and_signs_each_send()
    {
        var capture = new CapturingHandler();
        using var client = new HttpClient(new SigningHandler(Signer(), capture)) { BaseAddress = new Uri("http://127.0.0.1:5080/") };
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("0123456789")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/offset+octet-stream");

        using var response = await client.PatchAsync("tus/files/abc", content);

        var seen = Assert.Single(capture.Requests);
        Assert.Equal("application/offset+octet-stream", seen.ContentType);
        Assert.Equal("0123456789", Encoding.UTF8.GetString(seen.Body));
        var check = _verifier.Verify("PATCH", "http://127.0.0.1:5080/tus/files/abc", seen.Digest, seen.SignatureInput, seen.Signature, seen.Body, Keys, s_now, s_maxAge);
        Assert.True(check.Valid, check.Error);
    }

    [Fact]
    public async Task Signing_handler_signs_requests_without_a_body_over_the_empty_digest()
    {
        var capture = new CapturingHandler();
        using var client = new HttpClient(new SigningHandler(Signer(), capture));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "http://127.0.0.1:5080/tus/files/abc"));

        var seen = Assert.Single(capture.Requests);
        Assert.Equal(ContentDigest.Sha256([]), seen.Digest);
        Assert.True(_verifier.Verify("HEAD", "http://127.0.0.1:5080/tus/files/abc", seen.Digest, seen.SignatureInput, seen.Signature, [], Keys, s_now, s_maxAge).Valid);
    }

    private sealed record Seen(string? ContentType, byte[] Body, string Digest, string SignatureInput, string Signature);

    /// <summary>The network edge: records what would have been sent.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add(new Seen(
                request.Content?.Headers.ContentType?.MediaType,
                body,
                Header(request, "Content-Digest"),
                Header(request, "Signature-Input"),
                Header(request, "Signature")));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
