using DockGateway.Testing;
using Xunit;

namespace DockGateway.Shared.Tests;

public class FixtureTests
{
    [Fact]
    public void Sample_footage_is_committed_with_its_checksums() =>
        Assert.True(File.Exists(Path.Combine(RepoPaths.Footage, "SHA256SUMS")));
}
