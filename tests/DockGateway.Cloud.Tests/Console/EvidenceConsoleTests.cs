using System.Security.Cryptography;
using DockGateway.Cloud.Tests.Evidence;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>The console's footage and case pages in headless Chromium: a reviewer searches, states a reason, plays a file, opens a case.</summary>
public sealed class EvidenceConsoleTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    [RequiresBrowserFact]
    public Task A_reviewer_plays_footage_only_after_stating_a_reason_which_is_access_logged_and_opens_a_case_in_Chinese() =>
        ReviewAsync(new("zh-CN", "录像", ["录制时间", "民警（警号）", "是"], "请先填写调阅事由", "案号", "行政处罚"));

    [RequiresBrowserFact]
    public Task The_same_in_English() =>
        ReviewAsync(new("en", "Footage", ["Recorded", "Officer (badge)", "Yes"], "State a reason first", "case number", "Administrative penalty"));

    private async Task ReviewAsync(Words words)
    {
        var host = fixture.Host;
        var agency = await host.CreateAgencyAsync();
        var dock = await host.AddDockAsync(agency);
        var sha = await host.AddFootageAsync(dock, agency, 1, DateTimeOffset.UtcNow.AddDays(-2), bytes: RandomNumberGenerator.GetBytes(5000), badge: "B-7");
        await using var session = await ConsoleSession.OpenAsync(fixture, words.Language, await host.CreateTokenAsync("reviewer", agency));
        var page = session.Page;
        await session.SignInAsync();

        await session.GoAsync($"#footage?agency={agency}");
        Assert.Equal(words.Title, await page.TextContentAsync("#page h2"));
        var rows = await page.TextContentAsync("#footage-table") ?? "";
        foreach (var label in words.Columns.Concat(["B-7", "REC_0001.MP4"]))
        {
            Assert.Contains(label, rows, StringComparison.Ordinal);
        }

        await page.ClickAsync("#footage-table button.open");
        await page.ClickAsync("#footage-play");
        Assert.Contains(words.ReasonRequired, await page.TextContentAsync("#error") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action = 'footage.metadata'", new { sha })); // the hit opened
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action <> 'footage.metadata'", new { sha }));

        await page.FillAsync("#f-reason", "复核 行罚〔2026〕1号");
        await page.ClickAsync("#footage-play");
        await page.WaitForSelectorAsync("#footage-media video[src^='blob:']");
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action = 'footage.view' AND detail = '复核 行罚〔2026〕1号'", new { sha }));
        await session.ShotAsync($"footage-{words.Language}");

        await session.GoAsync($"#cases?agency={agency}");
        await page.FillAsync("#case-create input[name=caseNumber]", "bad number");
        await page.FillAsync("#case-create input[name=actionEndedOn]", "2026-03-01");
        session.Expected = 1; // the refused POST is a failed resource load in the browser's console
        await page.ClickAsync("#case-create button[type=submit]");
        await page.WaitForFunctionAsync("() => !document.querySelector('#error').hidden");
        Assert.Contains(words.CaseNumberField, await page.TextContentAsync("#error") ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM cases WHERE agency_code = @agency", new { agency }));

        await page.FillAsync("#case-create input[name=caseNumber]", "行罚〔2026〕1号");
        await page.ClickAsync("#case-create button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#cases-table')?.textContent.includes('行罚〔2026〕1号')");
        Assert.Contains(words.EnforcementType, await page.TextContentAsync("#cases-table") ?? "", StringComparison.Ordinal);
        await session.ShotAsync($"cases-{words.Language}");
    }

    /// <summary>What the pages say in one language.</summary>
    private sealed record Words(
        string Language, string Title, string[] Columns, string ReasonRequired, string CaseNumberField, string EnforcementType);
}
