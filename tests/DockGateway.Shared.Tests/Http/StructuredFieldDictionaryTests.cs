using DockGateway.Shared.Http;
using Xunit;

namespace DockGateway.Shared.Tests.Http;

public class StructuredFieldDictionaryTests
{
    [Fact]
    public void Members_items_inner_lists_and_parameters_parse()
    {
        var dictionary = StructuredFieldDictionary.Parse(
            "sig1=(\"@method\" \"@target-uri\");created=1618884473;keyid=\"test-key\";tag=tok;ok=?1;no=?0, sig2=:AQID:, flag;x=-5,\tn=42");

        var sig1 = dictionary["sig1"]!;
        var items = Assert.IsAssignableFrom<IReadOnlyList<SfItem>>(sig1.Value);
        Assert.Equal(["@method", "@target-uri"], items.Select(i => (string)i.Value));
        Assert.Equal(1618884473L, sig1.Parameters["created"]);
        Assert.Equal("test-key", sig1.Parameters["keyid"]);
        Assert.Equal(new SfToken("tok"), sig1.Parameters["tag"]);
        Assert.Equal(true, sig1.Parameters["ok"]);
        Assert.Equal(false, sig1.Parameters["no"]);
        Assert.Equal(["created", "keyid", "tag", "ok", "no"], sig1.Parameters.Keys);
        Assert.Equal(new byte[] { 1, 2, 3 }, dictionary["sig2"]!.Value);
        Assert.Equal(true, dictionary["flag"]!.Value);
        Assert.Equal(-5L, dictionary["flag"]!.Parameters["x"]);
        Assert.Equal(42L, dictionary["n"]!.Value);
        Assert.Equal(["sig1", "sig2", "flag", "n"], dictionary.Keys);
    }

    [Fact]
    public void A_repeated_key_keeps_its_place_and_takes_the_last_value()
    {
        var dictionary = StructuredFieldDictionary.Parse("a=1, b=2, a=3");
        Assert.Equal(["a", "b"], dictionary.Keys);
        Assert.Equal(3L, dictionary["a"]!.Value);
    }

    [Fact]
    public void Escapes_in_strings_are_decoded()
    {
        Assert.Equal("a\"b\\c", StructuredFieldDictionary.Parse("k=\"a\\\"b\\\\c\"")["k"]!.Value);
    }

    [Theory]
    [InlineData("A=1")]
    [InlineData("a=1,")]
    [InlineData("a=\"unterminated")]
    [InlineData("a=\"bad \\n escape\"")]
    [InlineData("a=:not base64!:")]
    [InlineData("a=1.5")]
    [InlineData("a=1234567890123456")]
    [InlineData("a=(1 2")]
    [InlineData("a=?2")]
    [InlineData("a=1 b=2")]
    public void Malformed_dictionaries_are_refused(string text)
    {
        var error = Assert.Throws<FormatException>(() => StructuredFieldDictionary.Parse(text));
        Assert.Contains("structured field", error.Message, StringComparison.Ordinal);
    }
}
