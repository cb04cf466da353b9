using System.Net.Http.Json;
using DockGateway.Cloud.Tests.Evidence;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>Captions with a count in headless Chromium: English says "1 case" and "2 cases", Chinese one form with its measure word.</summary>
public sealed class ConsolePluralTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    [RequiresBrowserFact]
    public Task English_captions_take_the_singular_for_one_and_the_plural_otherwise() =>
        CountAsync("en", ["1 case, newest first", "2 cases, newest first"], ["1 dock", "2 docks"]);

    [RequiresBrowserFact]
    public Task Chinese_captions_have_one_form_with_the_measure_word() =>
        CountAsync("zh-CN", ["1 个案件，最新在前", "2 个案件，最新在前"], ["共 1 台采集站", "共 2 台采集站"]);

    private async Task CountAsync(string language, string[] cases, string[] docks)
    {
        var host = fixture.Host;
        var agency = await host.CreateAgencyAsync();
        await host.AddDockAsync(agency);
        await using var session = await ConsoleSession.OpenAsync(fixture, language, await host.CreateTokenAsync("auditor", agency));
        await session.SignInAsync();
        using var client = host.Client(await host.CreateTokenAsync("reviewer", agency));

        for (var n = 1; n <= 2; n++)
        {
            (await client.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
                new { caseNumber = $"行罚〔2026〕{n}号", enforcementType = "other", actionEndedOn = "2026-03-01" })).EnsureSuccessStatusCode();
            await session.GoAsync($"#cases?agency={agency}&n={n}");
            Assert.Equal(cases[n - 1], await session.Page.TextContentAsync("#cases-table caption"));
        }

        await session.GoAsync($"#custody?agency={agency}");
        Assert.Equal(docks[0], await session.Page.TextContentAsync("#custody-table caption"));
        await host.AddDockAsync(agency);
        await session.GoAsync($"#custody?agency={agency}&n=2");
        Assert.Equal(docks[1], await session.Page.TextContentAsync("#custody-table caption"));
    }
}
