using System.Text;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>The web console in headless Chromium (Playwright): every page in both languages, acknowledging, CSV, bad input.</summary>
public sealed class ConsoleBrowserTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    private ConsoleSeed Seed => fixture.Seed;

    [RequiresBrowserFact]
    public async Task With_Accept_Language_zh_CN_every_page_shows_Chinese_labels_and_names_sort_by_pinyin()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.ManagerToken);
        var page = session.Page;
        await page.GotoAsync("/console");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("登录", await page.TextContentAsync("#signin h2"));
        await session.SignInAsync();

        Assert.Equal("概览", await page.TextContentAsync("#page h2"));
        Assert.Equal("执法记录仪", await page.TextContentAsync("nav a[data-page=recorders]"));
        var agencies = await page.Locator("#overview-table tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal([$"安徽省公安厅 ({Seed.Anhui})", $"北京市公安局 ({Seed.Beijing})", $"深圳市公安局 ({Seed.Shenzhen})"], agencies);
        Assert.Contains("缺 ", await page.TextContentAsync("#overview-table tbody") ?? "", StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#overview-chart svg rect.overdue").CountAsync());
        Assert.Equal((1, 1), (await page.Locator("#timeliness-chart rect.timely").CountAsync(), await page.Locator("#timeliness-chart rect.late").CountAsync()));
        await session.ShotAsync("overview-zh-CN");

        await session.GoAsync($"#recorders?agency={Seed.Shenzhen}");
        var recorders = await page.TextContentAsync("#recorders-table") ?? "";
        foreach (var label in new[] { "编号", "在用", "维修中", "已报废", "张伟 (B-1)", "未分配", "从未接入", "是", "否" })
        {
            Assert.Contains(label, recorders, StringComparison.Ordinal);
        }

        Assert.Contains("第 1–4 条，共 4 条", await page.TextContentAsync(".pager") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("recorders-zh-CN");

        await session.GoAsync("#alerts");
        var alerts = await page.TextContentAsync("#alerts-table") ?? "";
        foreach (var label in new[] { "拒绝接入", "逾期录像", "录像缺失", "未处理", "VID_0001.MP4", "missing 10:00-10:20" })
        {
            Assert.Contains(label, alerts, StringComparison.Ordinal);
        }

        await session.ShotAsync("alerts-zh-CN");
        await session.GoAsync("#docks");
        var docks = await page.TextContentAsync("#docks-table") ?? "";
        foreach (var label in new[] { "在线，自", "离线，自", "采集中", "已过时", "事件 3", "上传 2", "最早待上传 26 小时", "待上传字节", "1.4.0" })
        {
            Assert.Contains(label, docks, StringComparison.Ordinal);
        }

        var late = page.Locator("#docks-table td span.bad", new() { HasText = "最早待上传" }); // its oldest upload waits 26 h: only that age is red
        Assert.Equal(1, await late.CountAsync());
        Assert.StartsWith("最早待上传", await late.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#docks-table td.bad", new() { HasText = "最早待上传" }).CountAsync());

        Assert.Equal(1, await page.Locator("#docks-table .slot.stale").CountAsync());
        await session.ShotAsync("docks-zh-CN");
    }

    [RequiresBrowserFact]
    public async Task In_English_every_page_shows_English_labels_and_the_choice_of_language_is_remembered()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "en-US", Seed.ManagerToken);
        var page = session.Page;
        await session.SignInAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Overview", await page.TextContentAsync("#page h2"));
        Assert.Contains("Short by", await page.TextContentAsync("#overview-table tbody") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("overview-en");
        await session.GoAsync($"#recorders?agency={Seed.Shenzhen}&sort=-serial");
        Assert.Contains("In repair", await page.TextContentAsync("#recorders-table") ?? "", StringComparison.Ordinal);
        Assert.Equal($"{Seed.Shenzhen}-004", await page.TextContentAsync("#recorders-table tbody tr:first-child td:first-child"));
        await session.ShotAsync("recorders-en");
        await session.GoAsync("#alerts");
        Assert.Contains("Recorder refused", await page.TextContentAsync("#alerts-table") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("alerts-en");
        await session.GoAsync("#docks");
        Assert.Contains("Offline since", await page.TextContentAsync("#docks-table") ?? "", StringComparison.Ordinal);
        Assert.Contains("stale", await page.TextContentAsync("#docks-table") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("docks-en");

        await page.SelectOptionAsync("#language", "zh-CN");
        await page.WaitForFunctionAsync("() => document.querySelector('#page h2')?.textContent === '采集站'");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#page h2')?.textContent === '采集站'");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
    }

    [RequiresBrowserFact]
    public async Task A_manager_acknowledges_an_alert_with_a_comment_and_sees_who_and_when()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.ManagerToken);
        var page = session.Page;
        await session.SignInAsync();
        await session.GoAsync($"#alerts?agency={Seed.Shenzhen}&kind=refused");
        await page.ClickAsync("#alerts-table button.details");
        await page.WaitForSelectorAsync("#alert-detail");
        Assert.Contains("recorder not registered", await page.TextContentAsync("#alert-detail") ?? "", StringComparison.Ordinal);
        await page.FillAsync("#ack-comment", "已核实，已通知装备科");
        await page.ClickAsync("#acknowledge button[type=submit]");
        await page.WaitForSelectorAsync("#acknowledged");
        Assert.StartsWith("已由 equipment-manager-", await page.TextContentAsync("#acknowledged"), StringComparison.Ordinal);
        Assert.Contains("已确认", await page.TextContentAsync("#alerts-table") ?? "", StringComparison.Ordinal);
        await session.ShotAsync("alert-acknowledged-zh-CN");

        using var api = fixture.Host.Client(Seed.ManagerToken);
        var stored = (await (await api.GetAsync($"/api/v1/alerts?agency={Seed.Shenzhen}&kind=refused")).OkJsonAsync()).GetProperty("items")[0];
        Assert.Equal("已核实，已通知装备科", stored.GetProperty("acknowledgementComment").GetString());
    }

    [RequiresBrowserFact]
    public async Task Alerts_are_filtered_by_kind_and_day_through_the_form_and_the_form_shows_what_was_asked()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.ManagerToken);
        var page = session.Page;
        await session.SignInAsync();
        await session.GoAsync("#alerts");
        using var api = fixture.Host.Client(Seed.ManagerToken);
        var gap = (await (await api.GetAsync("/api/v1/alerts?kind=gap")).OkJsonAsync()).GetProperty("items")[0];
        var day = gap.GetProperty("receivedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#f-kind", "gap");
        await page.FillAsync("#f-from", day);
        await page.FillAsync("#f-to", day);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash.includes('kind=gap') && document.querySelector('#page')?.dataset.rendered === location.hash");
        Assert.Equal(["录像缺失"], await page.Locator("#alerts-table tbody td:nth-child(4)").AllTextContentsAsync());
        Assert.Equal((day, day), (await page.InputValueAsync("#f-from"), await page.InputValueAsync("#f-to")));
    }

    [RequiresBrowserFact]
    public Task A_gap_alerts_detail_names_the_missing_file_numbers_in_Chinese() => GapDetailAsync("zh-CN", "缺失文件", "编号 18 至 20");

    [RequiresBrowserFact]
    public Task A_gap_alerts_detail_names_the_missing_file_numbers_in_English() => GapDetailAsync("en", "Missing files", "numbers 18 to 20");

    private async Task GapDetailAsync(string language, string label, string range)
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, language, Seed.ManagerToken);
        var page = session.Page;
        await session.SignInAsync();
        await session.GoAsync($"#alerts?agency={Seed.Beijing}&kind=gap");
        await page.ClickAsync("#alerts-table button.details");
        await page.WaitForSelectorAsync("#alert-detail");
        var detail = await page.TextContentAsync("#alert-detail") ?? string.Empty;
        Assert.Contains(label, detail, StringComparison.Ordinal);
        Assert.Contains(range, detail, StringComparison.Ordinal);
        await session.ShotAsync($"alert-gap-{language}");
    }

    [RequiresBrowserFact]
    public async Task Csv_downloads_are_UTF8_with_a_byte_order_mark()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.ManagerToken);
        var page = session.Page;
        await session.SignInAsync();
        foreach (var (hash, name, expected) in new[]
        {
            ($"#recorders?agency={Seed.Shenzhen}", "recorders.csv", "张伟"),
            ("#alerts", "alerts.csv", "'=SUM(A1:A9)"),
            ("#overview", "overview.csv", "深圳市公安局"),
            ("#docks", "docks.csv", Seed.ShenzhenDock),
        })
        {
            await session.GoAsync(hash);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button.csv"));
            Assert.Equal(name, download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{name} does not start with a byte-order mark");
            Assert.Contains(expected, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [RequiresBrowserFact]
    public async Task Bad_filters_and_a_page_past_the_end_get_a_clear_message_in_the_persons_language()
    {
        await using (var zh = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.ManagerToken))
        {
            zh.Expected = 3;
            await zh.SignInAsync();
            await zh.GoAsync("#recorders?status=broken");
            Assert.Equal("“状态”的值无效：“broken”。", await zh.Page.TextContentAsync("#error"));
            Assert.Equal("执法记录仪", await zh.Page.TextContentAsync("#page h2"));
            Assert.True(await zh.Page.IsVisibleAsync("#page form.filters"));
            await zh.ShotAsync("bad-filter-zh-CN");
            await zh.GoAsync($"#recorders?agency={Seed.Shenzhen}&after=400");
            Assert.Equal("该页已超出列表末尾：共 4 条记录。请回到第一页。", await zh.Page.TextContentAsync("#error"));
            await zh.GoAsync("#alerts?kind=fire");
            Assert.Equal("“类型”的值无效：“fire”。", await zh.Page.TextContentAsync("#error"));
        }

        await using var en = await ConsoleSession.OpenAsync(fixture, "en-GB", Seed.ManagerToken);
        en.Expected = 1;
        await en.SignInAsync();
        await en.GoAsync("#alerts?acknowledged=perhaps");
        Assert.Equal("Invalid value for “State”: “perhaps”.", await en.Page.TextContentAsync("#error"));
    }

    [RequiresBrowserFact]
    public async Task A_revoked_or_wrong_token_is_refused_with_a_message_and_nothing_else_is_shown()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "en", "dgw_not_a_real_token");
        session.Expected = 1;
        await session.Page.GotoAsync("/console");
        await session.Page.FillAsync("#token", "dgw_not_a_real_token");
        await session.Page.ClickAsync("#signin button[type=submit]");
        await session.Page.WaitForFunctionAsync("() => !document.querySelector('#error').hidden");
        Assert.Equal("The token is not valid or has been revoked. Please sign in again.", await session.Page.TextContentAsync("#error"));
        Assert.True(await session.Page.IsVisibleAsync("#signin"));
        Assert.Null(await session.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('dockgateway.token')"));
    }
}
