using System.Text;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using Xunit;

namespace DockGateway.Shared.Tests.Http;

public class SignatureBaseTests
{
    // RFC 9421 Appendix B.1.4 test-key-ed25519 (the JWK "d" and "x" values, base64url).
    private static readonly byte[] s_seed = Convert.FromBase64String("n4Ni+HpISpVObnQMW0wOhCKROaIKqKtW/2ZYb2p9KcU=");
    private static readonly byte[] s_publicKey = Convert.FromBase64String("JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=");

    private const string B26Params = "(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

    private const string B26Base = """
        "date": Tue, 20 Apr 2021 02:07:55 GMT
        "@method": POST
        "@path": /foo
        "@authority": example.com
        "content-type": application/json
        "content-length": 18
        "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"
        """;

    private const string B26Signature = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

    [Fact]
    public void Rfc9421_b26_signature_params_and_base_are_built_exactly()
    {
        var signatureParams = SignatureBase.SignatureParams(
            ["date", "@method", "@path", "@authority", "content-type", "content-length"], 1618884473, "test-key-ed25519", algorithm: null, nonce: null);
        var signatureBase = SignatureBase.Build(
            [
                ("date", "Tue, 20 Apr 2021 02:07:55 GMT"),
                ("@method", "POST"),
                ("@path", "/foo"),
                ("@authority", "example.com"),
                ("content-type", "application/json"),
                ("content-length", "18"),
            ],
            signatureParams);

        Assert.Equal(B26Params, signatureParams);
        Assert.Equal(B26Base, signatureBase);
    }

    [Fact]
    public void Rfc9421_b26_key_signs_the_base_to_the_published_signature()
    {
        using var key = Ed25519PrivateKey.FromSeed(s_seed);

        Assert.Equal(s_publicKey, key.PublicKey);
        Assert.Equal(B26Signature, Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(B26Base))));
        Assert.True(Ed25519.Verify(s_publicKey, Encoding.UTF8.GetBytes(B26Base), Convert.FromBase64String(B26Signature)));
    }

    [Fact]
    public void Dockgateway_base_covers_method_target_uri_and_content_digest()
    {
        var signatureParams = SignatureBase.SignatureParams(1700000000, "dock-0001", "abc");
        var signatureBase = SignatureBase.Build("PATCH", "https://cloud.example/tus/1", "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", signatureParams);

        Assert.Equal(
            "\"@method\": PATCH\n\"@target-uri\": https://cloud.example/tus/1\n\"content-digest\": sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:\n"
            + "\"@signature-params\": (\"@method\" \"@target-uri\" \"content-digest\");created=1700000000;keyid=\"dock-0001\";alg=\"ed25519\";nonce=\"abc\"",
            signatureBase);
    }

    [Fact]
    public void Key_ids_that_are_not_printable_ascii_are_refused()
    {
        Assert.Throws<FormatException>(() => SignatureBase.SignatureParams(1, "dock\n1", null));
        Assert.Equal("\"a\\\"b\\\\c\"", SignatureBase.Quote("a\"b\\c"));
    }
}
