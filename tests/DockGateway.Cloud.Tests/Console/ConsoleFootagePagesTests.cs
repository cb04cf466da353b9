using System.Text;
using DockGateway.Cloud.Tests.Ratios;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The console pages over the footage index and the custody log, in headless Chromium: docking timeliness on the overview,
/// Officers and Custody in both languages, their CSV downloads and bad input in the person's language.
/// </summary>
public sealed class ConsoleFootagePagesTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    private ConsoleSeed Seed => fixture.Seed;

    [RequiresBrowserFact]
    public async Task In_Chinese_the_timeliness_chart_officers_and_custody_pages_show_the_seeded_footage_and_refusal()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.AuditorToken);
        var page = session.Page;
        await session.SignInAsync();
        var chart = page.Locator("#timeliness-chart svg");
        Assert.Contains("接入及时率", await chart.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Contains("共 2 条录像，其中 1 条在 24 小时内采集（50%）", await chart.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Equal(["100%（1 / 1）", "0%（0 / 1）"], (await page.Locator("#timeliness-chart rect.timely title, #timeliness-chart rect.late title").AllTextContentsAsync())
            .Select(t => t[(t.IndexOf('：', StringComparison.Ordinal) + 1)..]).OrderBy(t => t, StringComparer.Ordinal).Reverse().ToArray());
        Assert.Equal(30, await page.Locator("#timeliness-chart rect").CountAsync());
        await page.Locator("#timeliness-chart").ScreenshotAsync(new() { Path = Path.Combine(ConsoleBrowserFixture.Shots, "timeliness-zh-CN.png") });

        await session.GoAsync($"#officers?agency={Seed.Shenzhen}");
        Assert.Equal("警员", await page.TextContentAsync("#page h2"));
        var first = await page.Locator("#officers-table tbody tr:first-child td").AllTextContentsAsync();
        Assert.Equal(["B-1", "张伟", $"{Seed.Shenzhen}-001"], first.Skip(1).Take(3).ToArray());
        Assert.Equal(("2", "1"), (first[5], first[6]));
        Assert.Contains("从未采集", await page.TextContentAsync("#officers-table tbody tr:nth-child(2)") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("officers-zh-CN");

        await session.GoAsync($"#custody?agency={Seed.Shenzhen}");
        var custody = await page.TextContentAsync("#custody-table") ?? "";
        foreach (var label in new[] { "检查点被拒", "尚未联署", "3 条", Seed.Custody.Origin })
        {
            Assert.Contains(label, custody, StringComparison.Ordinal);
        }

        await page.ClickAsync("#custody-table button.refusals");
        await page.WaitForSelectorAsync("#refusals-table");
        Assert.Contains(Seed.Custody.Origin, await page.TextContentAsync("#refusals-table pre.evidence") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#refusals-table tbody tr").CountAsync());
        await session.ShotAsync("custody-zh-CN");

        await fixture.Host.DockedAsync(Seed.Beijing, Seed.BeijingDock, "ZZ-UNREG-ZH", fixture.Host.Time.GetUtcNow(), kind: "unregistered");
        await session.GoAsync($"#recorders?agency={Seed.Beijing}");
        var unregistered = await page.TextContentAsync("#unregistered") ?? "";
        foreach (var text in new[] { "未登记即被采集站发现的记录仪", "ZZ-UNREG-ZH", "未登记", Seed.BeijingDock })
        {
            Assert.Contains(text, unregistered, StringComparison.Ordinal);
        }
    }

    [RequiresBrowserFact]
    public async Task In_English_officers_and_custody_pages_show_English_labels_and_a_manager_sees_no_custody_pages()
    {
        await using (var session = await ConsoleSession.OpenAsync(fixture, "en-US", Seed.AuditorToken))
        {
            var page = session.Page;
            await session.SignInAsync($"#officers?agency={Seed.Shenzhen}&sort=-late");
            Assert.Equal("Officers", await page.TextContentAsync("#page h2"));
            Assert.Contains("Never", await page.TextContentAsync("#officers-table") ?? "", StringComparison.Ordinal);
            Assert.Equal("B-1", await page.TextContentAsync("#officers-table tbody tr:first-child td:nth-child(2)"));
            await session.ShotAsync("officers-en");
            await session.GoAsync("#custody?status=refused");
            Assert.Contains("Checkpoint refused", await page.TextContentAsync("#custody-table") ?? "", StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("#custody-table tbody tr").CountAsync());
            await session.ShotAsync("custody-en");
            await fixture.Host.DockedAsync(Seed.Beijing, Seed.BeijingDock, "ZZ-UNREG-EN", fixture.Host.Time.GetUtcNow(), kind: "unregistered");
            await session.GoAsync($"#recorders?agency={Seed.Beijing}");
            Assert.Contains("ZZ-UNREG-EN", await page.TextContentAsync("#unregistered-table") ?? "", StringComparison.Ordinal);
            Assert.Contains("Not registered", await page.TextContentAsync("#unregistered-table") ?? "", StringComparison.Ordinal);
            await session.ShotAsync("recorders-unregistered-en");
            Assert.True(await page.Locator("nav a[data-page=verify]").IsVisibleAsync());
        }

        await using var manager = await ConsoleSession.OpenAsync(fixture, "en-US", Seed.ManagerToken);
        await manager.SignInAsync();
        Assert.False(await manager.Page.Locator("nav a[data-page=custody]").IsVisibleAsync());
        Assert.False(await manager.Page.Locator("nav a[data-page=verify]").IsVisibleAsync());
        Assert.True(await manager.Page.Locator("nav a[data-page=officers]").IsVisibleAsync());
    }

    [RequiresBrowserFact]
    public async Task Csv_downloads_of_officers_custody_refusals_and_timeliness_start_with_a_byte_order_mark()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.AuditorToken);
        var page = session.Page;
        await session.SignInAsync();
        foreach (var (hash, button, name, expected) in new[]
        {
            ($"#officers?agency={Seed.Shenzhen}", "button.csv", "officers.csv", "张伟"),
            ($"#custody?agency={Seed.Shenzhen}", "button.csv", "custody.csv", Seed.Custody.DockId),
            ($"#custody?agency={Seed.Shenzhen}&status=refused", "#refusals button.csv", $"refused-{Seed.Custody.DockId}.csv", Seed.Custody.Origin),
            ("#overview", "#timeliness-chart >> xpath=preceding-sibling::button[1]", "timeliness.csv", "day_utc8,recordings,ingested_within_24h,share"),
        })
        {
            await session.GoAsync(hash);
            if (button.StartsWith("#refusals", StringComparison.Ordinal))
            {
                await page.ClickAsync("#custody-table button.refusals");
                await page.WaitForSelectorAsync("#refusals-table");
            }

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
            Assert.Equal(name, download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{name} does not start with a byte-order mark");
            Assert.Contains(expected, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [RequiresBrowserFact]
    public async Task Bad_filters_and_pages_past_the_end_on_the_new_pages_get_a_clear_message_in_both_languages()
    {
        await using (var zh = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.AuditorToken))
        {
            zh.Expected = 2;
            await zh.SignInAsync();
            await zh.GoAsync("#officers?late=maybe");
            Assert.Equal("“逾期录像”的值无效：“maybe”。", await zh.Page.TextContentAsync("#error"));
            Assert.True(await zh.Page.IsVisibleAsync("#page form.filters"));
            await zh.GoAsync($"#custody?agency={Seed.Shenzhen}&after=40");
            Assert.Equal("该页已超出列表末尾：共 2 条记录。请回到第一页。", await zh.Page.TextContentAsync("#error"));
        }

        await using var en = await ConsoleSession.OpenAsync(fixture, "en-GB", Seed.AuditorToken);
        en.Expected = 2;
        await en.SignInAsync();
        await en.GoAsync("#custody?status=fine");
        Assert.Equal("Invalid value for “Status”: “fine”.", await en.Page.TextContentAsync("#error"));
        await en.GoAsync($"#officers?agency={Seed.Shenzhen}&after=40");
        Assert.StartsWith("That page is past the end of the list: 2 records match.", await en.Page.TextContentAsync("#error"), StringComparison.Ordinal);
        await en.ShotAsync("bad-filter-officers-en");
    }
}
