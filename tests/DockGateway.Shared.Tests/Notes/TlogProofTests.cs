using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Shared.Tests.Notes;

public class TlogProofTests
{
    // The example in c2sp.org/tlog-proof (its signatures are abbreviated there with [...] and kept verbatim).
    private const string Example = """
        c2sp.org/tlog-proof@v1
        extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
        index 73894
        gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
        B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
        EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
        RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
        AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

        example.com/fancylog
        109482
        sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

        — example.com/fancylog hI2DJw[...]1roloI=
        — witness1.example mJirIklj[...]qY9v2B/5bg==

        """;

    [Fact]
    public void C2sp_example_parses_and_formats_back_byte_for_byte()
    {
        var proof = TlogProof.Parse(Example);

        Assert.Equal(73894, proof.Index);
        Assert.Equal(5, proof.Hashes.Count);
        Assert.Equal("gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=", Convert.ToBase64String(proof.Hashes[0]));
        Assert.StartsWith("age-v1.2.1-darwin-arm64.tar.gz", System.Text.Encoding.Latin1.GetString(proof.Extra!), StringComparison.Ordinal);
        Assert.StartsWith("example.com/fancylog\n109482\n", proof.Checkpoint, StringComparison.Ordinal);
        Assert.EndsWith("qY9v2B/5bg==\n", proof.Checkpoint, StringComparison.Ordinal);
        Assert.Equal(Example, proof.Format());
    }

    [Fact]
    public void Proof_without_extra_and_with_an_empty_path_round_trips()
    {
        var proof = new TlogProof(0, [], "log\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n\n\u2014 log AAAAAAA=\n");
        var text = proof.Format();

        Assert.StartsWith("c2sp.org/tlog-proof@v1\nindex 0\n\nlog\n", text, StringComparison.Ordinal);
        var parsed = TlogProof.Parse(text);
        Assert.Null(parsed.Extra);
        Assert.Empty(parsed.Hashes);
        Assert.Equal(proof.Checkpoint, parsed.Checkpoint);
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 1\n\ncp\n", "first line")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\ncp\n", "index")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra !!\nindex 1\n\ncp\n", "extra")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\ncp\n", "32-byte")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\ngSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=", "empty line")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n\n", "checkpoint is missing")]
    public void Malformed_proofs_are_refused_saying_what_is_wrong(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => TlogProof.Parse(text));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
