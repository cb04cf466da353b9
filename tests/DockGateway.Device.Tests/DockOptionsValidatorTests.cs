using Xunit;

namespace DockGateway.Device.Tests;

public class DockOptionsValidatorTests
{
    [Fact]
    public void Valid_defaults_with_a_data_directory_pass()
    {
        var result = new DockOptionsValidator().Validate(null, new DockOptions { DataDirectory = "/var/lib/dockgateway" });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Each_bad_value_is_reported_with_its_key()
    {
        var options = new DockOptions
        {
            DataDirectory = "",
            DockId = "dock 1",
            Origin = "has+plus",
            MaxDepth = 0,
            CopyBufferBytes = 10,
            VerifyRangeBytes = 65536 + 1,
            LateAfter = TimeSpan.Zero,
            MediaExtensions = " , ",
        };

        var result = new DockOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var key in new[] { "Dock:DataDirectory", "Dock:DockId", "Dock:Origin", "Dock:MaxDepth", "Dock:CopyBufferBytes", "Dock:VerifyRangeBytes", "Dock:LateAfter", "Dock:MediaExtensions" })
        {
            Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_origin_defaults_to_agency_and_dock_id()
    {
        Assert.Equal("pd-east.dockgateway/dock-9", new DockOptions { Agency = "pd-east", DockId = "dock-9" }.EffectiveOrigin);
    }
}
