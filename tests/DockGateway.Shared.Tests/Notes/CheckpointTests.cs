using DockGateway.Shared.Notes;
using Xunit;

namespace DockGateway.Shared.Tests.Notes;

public class CheckpointTests
{
    // c2sp.org/tlog-checkpoint example body.
    private const string Body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void C2sp_example_checkpoint_parses_and_serialises_back_identically()
    {
        var checkpoint = Checkpoint.Parse(Body);

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163, checkpoint.Size);
        Assert.Equal("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", Convert.ToBase64String(checkpoint.RootHash));
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(Body, checkpoint.ToBody());
    }

    [Fact]
    public void Checkpoints_compare_by_value_including_the_root_hash_bytes()
    {
        Assert.Equal(Checkpoint.Parse(Body), Checkpoint.Parse(Body));
        Assert.Equal(Checkpoint.Parse(Body).GetHashCode(), Checkpoint.Parse(Body).GetHashCode());
        var other = Checkpoint.Parse(Body) with { RootHash = new byte[32] };
        Assert.NotEqual(Checkpoint.Parse(Body), other);
    }

    [Fact]
    public void Extension_lines_are_kept_in_order()
    {
        var checkpoint = Checkpoint.Parse(Body + "ext one\next two\n");
        Assert.Equal(["ext one", "ext two"], checkpoint.Extensions);
        Assert.Equal(Body + "ext one\next two\n", checkpoint.ToBody());
    }

    [Fact]
    public void Empty_tree_has_size_zero()
    {
        var body = "dock.example/7\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";
        Assert.Equal(0, Checkpoint.Parse(body).Size);
    }

    [Theory]
    [InlineData("example.com/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", "newline")]
    [InlineData("example.com/log\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "leading zeros")]
    [InlineData("example.com/log\n+5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "size")]
    [InlineData("example.com/log\n-5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "size")]
    [InlineData("example.com/log\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "size")]
    [InlineData("example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", "root hash")]
    [InlineData("example.com/log\n5\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", "root hash")]
    [InlineData("example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", "root hash")]
    [InlineData("example.com/log\n5\nAAAA\n", "root hash")]
    [InlineData("\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "origin")]
    [InlineData("example.com/log\n5\n", "at least")]
    [InlineData("example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n", "empty extension")]
    [InlineData("example.com/log\r\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", "control")]
    public void Malformed_checkpoints_are_refused_saying_which_line_is_wrong(string body, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Checkpoint.Parse(body));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
