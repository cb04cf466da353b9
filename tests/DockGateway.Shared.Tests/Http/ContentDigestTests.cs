using System.Text;
using DockGateway.Shared.Http;
using Xunit;

namespace DockGateway.Shared.Tests.Http;

public class ContentDigestTests
{
    private static readonly byte[] s_hello = Encoding.UTF8.GetBytes("{\"hello\": \"world\"}");

    [Fact]
    public void Rfc9530_example_body_gives_the_published_sha256_digest()
    {
        Assert.Equal("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", ContentDigest.Sha256(s_hello));
    }

    [Fact]
    public void Empty_body_has_the_sha256_of_nothing()
    {
        Assert.Equal("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", ContentDigest.Sha256([]));
    }

    [Theory]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")]
    [InlineData("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:, sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")]
    [InlineData("  sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:;p=1")]
    public void Matching_digest_headers_verify(string header)
    {
        Assert.True(ContentDigest.Verify(header, s_hello));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:", "no sha-256")]
    [InlineData("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:", "does not match")]
    [InlineData("sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", "malformed")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:,", "malformed")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-512=:AAAA:", "sha-512 does not match")]
    public void Wrong_or_malformed_digest_headers_fail_with_a_reason(string? header, string reason)
    {
        Assert.False(ContentDigest.Verify(header, s_hello));
        Assert.Contains(reason, ContentDigest.Check(header, s_hello), StringComparison.Ordinal);
    }
}
