using DockGateway.Shared.Configuration;
using Xunit;

namespace DockGateway.Shared.Tests.Configuration;

public sealed class KeySuggestionTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("SwitchPn", "SwitchPin", 1)]
    [InlineData("lateafter", "LateAfter", 0)]
    [InlineData("", "Port", 4)]
    public void Distance_counts_edits_ignoring_case(string a, string b, int expected) =>
        Assert.Equal(expected, KeySuggestion.Distance(a, b));

    [Theory]
    [InlineData("CheckpointEvry", "CheckpointEvery")]
    [InlineData("CheckPointInterval", "CheckpointInterval")]
    [InlineData("LateAftr", "LateAfter")]
    [InlineData("Prot", "Port")]
    public void Nearest_known_key_is_suggested(string typed, string expected) =>
        Assert.Equal(expected, KeySuggestion.Nearest(typed, ["CheckpointEvery", "CheckpointInterval", "LateAfter", "Port", "Host"]));

    [Fact]
    public void Nothing_is_suggested_when_no_key_is_close() =>
        Assert.Null(KeySuggestion.Nearest("Completely", ["Port", "Host"]));
}
