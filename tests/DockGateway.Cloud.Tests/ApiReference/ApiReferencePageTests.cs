using System.Net;
using System.Text.RegularExpressions;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.ApiReference;

/// <summary>/docs is the Scalar reference page, and its script comes from the cloud itself (no CDN).</summary>
public sealed partial class ApiReferencePageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private CloudTestHost Host => fixture.Host;

    [Fact]
    public async Task Docs_page_loads_its_scripts_from_the_cloud()
    {
        using var client = Host.Client();
        using var page = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"openapi/v1.json\"", html, StringComparison.Ordinal);

        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            var url = new Uri(new Uri(Host.BaseAddress, "/docs/"), src);
            Assert.Equal(Host.BaseAddress.Authority, url.Authority);
            using var script = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"{url} is nearly empty");
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
