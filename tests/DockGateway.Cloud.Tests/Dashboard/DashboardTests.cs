using System.Diagnostics;
using System.Net;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Fleet;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Dashboard;

public sealed class DashboardTests(SqliteFleetFixture fixture) : IClassFixture<SqliteFleetFixture>
{
    [Fact]
    public async Task Dashboard_page_is_served_without_a_token_with_a_strict_content_security_policy()
    {
        using var client = new HttpClient { BaseAddress = fixture.Host?.BaseAddress ?? throw new InvalidOperationException() };
        var page = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/dashboard.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard/appsettings.json")).StatusCode);
    }

    [RequiresChromiumFact]
    public async Task Headless_chromium_shows_a_managers_docks_slots_alerts_and_ratio()
    {
        var host = fixture.Host;
        using var enrolled = await TestDock.EnrolAsync(host);
        using var other = await TestDock.EnrolAsync(host);
        await using (var dock = await SimulatedDock.ConnectAsync(fixture.Broker, enrolled.Agency, enrolled.DockId))
        {
            await dock.PublishStatusAsync(version: "1.4.0");
            await dock.PublishSlotAsync(1, "ingesting", "RB-100", 5, 2, 0);
            await dock.PublishEventAsync("refused", "custody:9", slot: 2, recorder: "XX-9", message: "recorder not registered");
        }

        using (var admin = host.Client(host.AdminToken))
        {
            await admin.EventuallyAsync($"/api/v1/agencies/{enrolled.Agency}/alerts", a => a.GetArrayLength() == 1);
        }

        var token = await host.CreateTokenAsync("equipment-manager", enrolled.Agency);
        var url = new Uri(host.BaseAddress, "/dashboard#token=" + Uri.EscapeDataString(token)).ToString();
        var dom = await ChromiumAsync(host, "--dump-dom", url);
        Assert.Contains(enrolled.DockId, dom, StringComparison.Ordinal);
        Assert.Contains("1: ingesting RB-100 2/5", dom, StringComparison.Ordinal);
        Assert.Contains("recorder not registered", dom, StringComparison.Ordinal);
        Assert.Contains($"{enrolled.Agency} — Agency {enrolled.Agency}", dom, StringComparison.Ordinal);
        Assert.Contains("equipment-manager", dom, StringComparison.Ordinal);
        Assert.DoesNotContain(other.DockId, dom, StringComparison.Ordinal);
        Assert.DoesNotContain(token, dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(host.Directory, "dashboard.png");
        await ChromiumAsync(host, $"--screenshot={screenshot}", url);
        Assert.True(new FileInfo(screenshot).Length > 1000);
        if (Environment.GetEnvironmentVariable("DOCKGW_DASHBOARD_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(screenshot, keep, overwrite: true);
        }
    }

    private static async Task<string> ChromiumAsync(CloudTestHost host, string action, string url)
    {
        var profile = Directory.CreateTempSubdirectory("dockgw-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(RequiresChromiumFactAttribute.Chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--window-size=1280,900", "--virtual-time-budget=8000",
                action, url,
            ])
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = host.Directory,
            };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
            return await output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
