using System.Net;
using DockGateway.Cloud.Tests.Fleet;
using Xunit;

namespace DockGateway.Cloud.Tests.Dashboard;

/// <summary>The old dashboard (which took a token from the URL fragment) is gone: its addresses lead to the console.</summary>
public sealed class DashboardTests(SqliteFleetFixture fixture) : IClassFixture<SqliteFleetFixture>
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/dashboard.js")]
    public async Task Old_dashboard_addresses_redirect_to_the_console(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = fixture.Host?.BaseAddress ?? throw new InvalidOperationException(),
        };
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location?.OriginalString);
    }
}
