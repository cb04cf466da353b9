using System.Net;
using System.Net.Http.Json;
using System.Text;
using DockGateway.Cloud.Retention;
using DockGateway.Cloud.Tests.Evidence;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The Access log and Retention pages in headless Chromium (issue 13 items 1 and 3): a reviewer's view with a reason shows
/// in the access log in both languages; an admin releases a hold after confirming, a hold released meanwhile gets a clear
/// message, a reviewer has no release button; CSV downloads start with a byte-order mark.
/// </summary>
public sealed class AccessLogRetentionConsoleTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    private CloudTestHost Host => fixture.Host;

    [RequiresBrowserFact]
    public async Task A_footage_view_with_a_reason_appears_in_the_access_log_page_with_that_reason_in_both_languages()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var sha = await Host.AddFootageAsync(dock, agency, 1, Host.Time.GetUtcNow().AddDays(-1), badge: "B-9");
        using (var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency)))
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/footage/{sha}/content?reason=" + Uri.EscapeDataString("复核 行罚〔2026〕7号"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/footage?agency={agency}")).StatusCode);
        }

        var auditorToken = await Host.CreateTokenAsync("auditor", agency);
        await using (var zh = await ConsoleSession.OpenAsync(fixture, "zh-CN", auditorToken))
        {
            var page = zh.Page;
            await zh.SignInAsync($"#access-log?agency={agency}&action=footage.view");
            Assert.Equal("调阅日志", await page.TextContentAsync("#page h2"));
            Assert.True(await page.Locator("nav a[data-page=access-log]").IsVisibleAsync());
            Assert.Equal("footage.view", await page.InputValueAsync("#f-action"));
            var rows = page.Locator("#access-log-table tbody tr");
            Assert.Equal(1, await rows.CountAsync());
            var cells = await rows.First.Locator("td").AllTextContentsAsync();
            Assert.Contains("审核", cells[1], StringComparison.Ordinal);
            Assert.Equal("播放录像", cells[2]);
            Assert.Equal(sha, cells[3]);
            Assert.Equal("复核 行罚〔2026〕7号", cells[5]);
            await zh.ShotAsync("access-log-zh-CN");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button.csv"));
            Assert.Equal("access-log.csv", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "access-log.csv does not start with a byte-order mark");
            Assert.Contains("复核 行罚〔2026〕7号", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        await using var en = await ConsoleSession.OpenAsync(fixture, "en-US", auditorToken);
        en.Expected = 1;
        await en.SignInAsync($"#access-log?agency={agency}");
        var all = await en.Page.TextContentAsync("#access-log-table") ?? "";
        foreach (var text in new[] { "Footage viewed", "Footage searched", "复核 行罚〔2026〕7号", "Reviewer" })
        {
            Assert.Contains(text, all, StringComparison.Ordinal);
        }

        await en.Page.SelectOptionAsync("#f-action", "footage.search");
        await en.Page.ClickAsync("#page form.filters button[type=submit]");
        await en.Page.WaitForFunctionAsync("() => location.hash.includes('action=footage.search') && document.querySelector('#page').getAttribute('aria-busy') === 'false'");
        Assert.Equal("Footage searched", await en.Page.TextContentAsync("#access-log-table tbody tr:first-child td:nth-child(3)"));
        await en.ShotAsync("access-log-en");
        await en.GoAsync("#access-log?after=nonsense");
        Assert.Equal("Invalid value for “Page”: “nonsense”.", await en.Page.TextContentAsync("#error"));
    }

    [RequiresBrowserFact]
    public async Task An_admin_releases_a_hold_after_confirming_and_it_leaves_the_list_while_a_reviewer_has_no_release_button()
    {
        var now = Host.Time.GetUtcNow();
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var expired = await Host.AddFootageAsync(dock, agency, 1, now.AddDays(-200));
        var soon = await Host.AddFootageAsync(dock, agency, 2, now.AddDays(-170));
        var held = await Host.AddFootageAsync(dock, agency, 3, now.AddDays(-300));
        var alsoHeld = await Host.AddFootageAsync(dock, agency, 4, now.AddDays(-10));
        using var admin = Host.Client(Host.AdminToken);
        var caseId = (await (await admin.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "RET-UI-1", enforcementType = "criminal", actionEndedOn = "2026-01-05" })).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        foreach (var sha in new[] { held, alsoHeld })
        {
            await (await admin.PostAsJsonAsync($"/api/v1/cases/{caseId}/footage", new { sha256 = sha })).OkJsonAsync();
        }

        await Host.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        await using (var reviewer = await ConsoleSession.OpenAsync(fixture, "zh-CN", await Host.CreateTokenAsync("reviewer", agency)))
        {
            await reviewer.SignInAsync($"#retention?agency={agency}");
            var page = reviewer.Page;
            Assert.Equal("保存期限", await page.TextContentAsync("#page h2"));
            Assert.False(await page.Locator("nav a[data-page=access-log]").IsVisibleAsync());
            Assert.Equal(2, await page.Locator("#holds-table tbody tr").CountAsync());
            Assert.Equal(0, await page.Locator("#holds-table button.release").CountAsync());
            Assert.Equal("只有管理员可以解除保全。", await page.TextContentAsync("#holds p.note"));
            Assert.Contains("RET-UI-1", await page.TextContentAsync("#holds-table") ?? "", StringComparison.Ordinal);
            Assert.Contains(soon, await page.TextContentAsync("#preview-table") ?? "", StringComparison.Ordinal);
            Assert.Contains($"单位 {agency} 保存录像 183 天", await page.TextContentAsync("#preview-table") ?? "", StringComparison.Ordinal);
            var deletions = await page.TextContentAsync("#deletions-table") ?? "";
            Assert.Contains(expired, deletions, StringComparison.Ordinal);
            Assert.Contains("已删除", deletions, StringComparison.Ordinal);
            Assert.Contains($"单位 {agency} 保存录像 183 天", deletions, StringComparison.Ordinal); // the recorded English rule, in the reader's language
            Assert.DoesNotContain("keeps footage", deletions, StringComparison.Ordinal);
            await reviewer.ShotAsync("retention-zh-CN");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#preview button.csv"));
            Assert.Equal($"retention-{agency}.csv", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the retention CSV does not start with a byte-order mark");
            Assert.Contains(soon, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        await using var en = await ConsoleSession.OpenAsync(fixture, "en-US", Host.AdminToken);
        en.Expected = 1; // the refused second release is a failed resource load
        await en.SignInAsync($"#retention?agency={agency}");
        var admins = en.Page;
        var heldRow = admins.Locator("#holds-table tbody tr", new() { HasText = held });
        await heldRow.Locator("button.release").ClickAsync();
        Assert.Contains("Release the hold on", await heldRow.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM retention_holds WHERE sha256 = @held AND released_at IS NULL", new { held })); // asking changes nothing
        await heldRow.Locator("button.confirm-release").ClickAsync();
        await admins.WaitForFunctionAsync($"() => document.querySelector('#page').getAttribute('aria-busy') === 'false' && !document.querySelector('#holds-table')?.textContent.includes('{held}')");
        Assert.Equal(1, await admins.Locator("#holds-table tbody tr").CountAsync());
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM retention_holds WHERE sha256 = @held AND released_at IS NULL", new { held }));
        await en.ShotAsync("retention-en");

        // Released by someone else while the page was open: a clear message, and the list shows the current state after a reload.
        var other = (await (await admin.GetAsync($"/api/v1/holds?sha256={alsoHeld}")).OkJsonAsync()).EnumerateArray().Single().GetProperty("id").GetString();
        await (await admin.PostAsync($"/api/v1/holds/{other}/release", null)).OkJsonAsync();
        await admins.ClickAsync("#holds-table button.release");
        await admins.ClickAsync("#holds-table button.confirm-release");
        await admins.WaitForFunctionAsync("() => !document.querySelector('#error').hidden");
        Assert.Equal("This hold was already released by someone else; the list shows the current state.", await admins.TextContentAsync("#error"));
    }

    [RequiresBrowserFact]
    public async Task An_equipment_manager_sees_neither_page_in_the_menu()
    {
        await using var manager = await ConsoleSession.OpenAsync(fixture, "en-US", fixture.Seed.ManagerToken);
        await manager.SignInAsync();
        Assert.False(await manager.Page.Locator("nav a[data-page=access-log]").IsVisibleAsync());
        Assert.False(await manager.Page.Locator("nav a[data-page=retention]").IsVisibleAsync());
        Assert.False(await manager.Page.Locator("nav a[data-page=footage]").IsVisibleAsync());
        Assert.False(await manager.Page.Locator("nav a[data-page=cases]").IsVisibleAsync());
        Assert.True(await manager.Page.Locator("nav a[data-page=officers]").IsVisibleAsync());
    }
}
