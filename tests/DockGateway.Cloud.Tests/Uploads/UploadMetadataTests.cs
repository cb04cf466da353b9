using System.Text;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Uploads;
using Xunit;

namespace DockGateway.Cloud.Tests.Uploads;

public class UploadMetadataTests
{
    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    [Fact]
    public void Metadata_with_hash_size_entry_and_names_parses()
    {
        var sha = new string('b', 64);
        var parsed = UploadMetadata.TryParse($"sha256 {B64(sha)},size {B64("42")}, entry {B64("7")},filename {B64("a b.mp4")},recorder {B64("CAM-1")}", out _);
        Assert.Equal(new UploadMetadata(sha, 42, 7, "a b.mp4", "CAM-1"), parsed);
    }

    [Theory]
    [InlineData("size NDI=,entry Nw==", "'sha256'")]
    [InlineData("sha256 YWJj,size NDI=,entry Nw==", "'sha256'")]
    [InlineData("sha256 SHA,entry Nw==", "'size'")]
    [InlineData("sha256 SHA,size LTE=,entry Nw==", "'size'")]
    [InlineData("sha256 SHA,size NDI=", "'entry'")]
    [InlineData("sha256 !!!,size NDI=,entry Nw==", "'sha256'")]
    [InlineData("size NDI=,size NDI=", "repeats")]
    public void Bad_metadata_is_refused_naming_the_key(string header, string named)
    {
        var valid = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('b', 64)));
        Assert.Null(UploadMetadata.TryParse(header.Replace("SHA", valid, StringComparison.Ordinal), out var problem));
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", true)]
    [InlineData("sha-512=:AAAA:, sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", true)]
    [InlineData("sha-256=:AAAA:", false)]
    [InlineData("md5=:AAAA:", false)]
    [InlineData("", false)]
    public void Content_digest_sha256_member_is_found(string header, bool found) =>
        Assert.Equal(found, ContentDigestValue.TryParseSha256(header, out _));
}
