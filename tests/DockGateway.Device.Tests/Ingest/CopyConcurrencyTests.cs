using DockGateway.Device.Ingest;
using Xunit;

namespace DockGateway.Device.Tests.Ingest;

/// <summary>
/// A copy that starts alone gets the configured buffer size, one that starts beside others half of it, never less than
/// a page; and who counts as alone follows the copies that have entered and not yet left.
/// </summary>
public sealed class CopyConcurrencyTests
{
    [Theory]
    [InlineData(1 << 20, true, 1 << 20)]
    [InlineData(1 << 20, false, 512 * 1024)]
    [InlineData(65536, false, 32768)]
    [InlineData(4096, true, 4096)]
    [InlineData(4096, false, 4096)]
    [InlineData(6000, false, 4096)]
    public void Beside_others_a_copy_gets_half_the_buffer_and_at_least_a_page(int configured, bool alone, int expected) =>
        Assert.Equal(expected, CopyConcurrency.BufferBytes(configured, alone));

    [Fact]
    public void Only_a_copy_that_enters_while_none_runs_is_alone()
    {
        var copying = new CopyConcurrency();
        Assert.True(copying.Enter());
        Assert.False(copying.Enter());
        copying.Exit();
        Assert.False(copying.Enter()); // one still runs
        copying.Exit();
        copying.Exit();
        Assert.True(copying.Enter());
    }
}
