using DockGateway.Device.Sync;
using Xunit;

namespace DockGateway.Device.Tests.Sync;

public sealed class UploadWindowsTests
{
    [Theory]
    [InlineData("", "08:00", true)]
    [InlineData("22:00-06:00", "23:30", true)]
    [InlineData("22:00-06:00", "05:59", true)]
    [InlineData("22:00-06:00", "06:00", false)]
    [InlineData("22:00-06:00,12:00-13:00", "12:30", true)]
    [InlineData("22:00-06:00,12:00-13:00", "14:00", false)]
    public void Windows_open_and_close_at_the_configured_local_times(string windows, string now, bool open)
    {
        Assert.Equal(open, UploadWindows.Parse(windows).IsOpen(TimeOnly.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("22-06")]
    [InlineData("10:00-10:00")]
    [InlineData("25:00-01:00")]
    public void A_malformed_window_is_refused_naming_the_key_and_item(string windows)
    {
        var error = Assert.Throws<FormatException>(() => UploadWindows.Parse(windows));
        Assert.Contains("Sync:UploadWindows", error.Message, StringComparison.Ordinal);
        Assert.Contains(windows, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bandwidth_cap_spaces_chunks_to_the_configured_rate()
    {
        var limiter = new BandwidthLimiter(100_000, TimeProvider.System);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 4; i++)
        {
            await limiter.WaitAsync(50_000, CancellationToken.None);
        }

        // 4 × 50 kB at 100 kB/s: the 4th chunk may start only after 1.5 s.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.4), $"took {watch.Elapsed}");
    }
}
