using DockGateway.Shared.Witness;
using Xunit;

namespace DockGateway.Shared.Tests.Witness;

public class AddCheckpointRequestTests
{
    private const string SignedCheckpoint = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
        + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

    private static readonly byte[] s_hash = Convert.FromBase64String("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");

    [Fact]
    public void Request_formats_as_old_line_proof_lines_blank_line_and_checkpoint()
    {
        var request = new AddCheckpointRequest(20852014, [s_hash, s_hash], SignedCheckpoint);

        var body = request.Format();

        Assert.Equal(
            "old 20852014\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n" + SignedCheckpoint,
            body);
        var parsed = AddCheckpointRequest.Parse(body);
        Assert.Equal(20852014, parsed.OldSize);
        Assert.Equal(2, parsed.ConsistencyProof.Count);
        Assert.Equal(SignedCheckpoint, parsed.SignedCheckpoint);
    }

    [Fact]
    public void Old_zero_with_no_proof_parses()
    {
        var parsed = AddCheckpointRequest.Parse("old 0\n\n" + SignedCheckpoint);
        Assert.Equal(0, parsed.OldSize);
        Assert.Empty(parsed.ConsistencyProof);
    }

    [Fact]
    public void Sixty_three_proof_lines_are_accepted_and_sixty_four_refused()
    {
        var line = Convert.ToBase64String(s_hash) + "\n";
        Assert.Equal(63, AddCheckpointRequest.Parse("old 5\n" + string.Concat(Enumerable.Repeat(line, 63)) + "\n" + SignedCheckpoint).ConsistencyProof.Count);

        var error = Assert.Throws<FormatException>(() => AddCheckpointRequest.Parse("old 5\n" + string.Concat(Enumerable.Repeat(line, 64)) + "\n" + SignedCheckpoint));
        Assert.Contains("63", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("old 05\n\ncp\n", "old")]
    [InlineData("new 5\n\ncp\n", "old")]
    [InlineData("old -1\n\ncp\n", "old")]
    [InlineData("old 5\nnot a hash\n\ncp\n", "line 2")]
    [InlineData("old 5\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "blank line")]
    [InlineData("old 5\n\n", "missing")]
    public void Malformed_bodies_are_refused_saying_what_is_wrong(string body, string problem)
    {
        var error = Assert.Throws<FormatException>(() => AddCheckpointRequest.Parse(body));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
