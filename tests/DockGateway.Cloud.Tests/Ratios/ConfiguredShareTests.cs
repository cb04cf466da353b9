using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

public sealed class ConfiguredShareTests
{
    [Fact]
    public async Task Legal_review_share_comes_from_configuration()
    {
        await using var host = await CloudTestHost.StartAsync(
            CloudStorageKind.Sqlite, new Dictionary<string, string?> { ["Cloud:Ratios:LegalReviewShare"] = "0.07" });
        var code = await host.CreateAgencyAsync("A", officers: 100, legalReviewStaff: 6);
        using var client = host.Client(host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(7, ratio.GetProperty("legalReviewRequired").GetInt64());
        Assert.Equal(1, ratio.GetProperty("legalReviewShortfall").GetInt64());
        Assert.Equal(0.07m, ratio.GetProperty("legalReviewShare").GetDecimal());
    }
}
