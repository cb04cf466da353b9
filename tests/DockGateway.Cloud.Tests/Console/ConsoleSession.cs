using Microsoft.Playwright;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// One browser context (its own storage) in a locale, watching for console errors and warnings, failed pages
/// and any request whose address holds the token; <see cref="DisposeAsync"/> asserts there were none.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private readonly string _token;

    private ConsoleSession(IBrowserContext context, IPage page, string token)
    {
        Context = context;
        Page = page;
        _token = token;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add("page error: " + error);
        page.Request += (_, request) =>
        {
            if (request.Url.Contains(_token, StringComparison.Ordinal))
            {
                _problems.Add("the token was in an address: " + request.Url);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Problems the browser reported that a test expected (a refused request logs a console error).</summary>
    public int Expected { get; set; }

    public static async Task<ConsoleSession> OpenAsync(ConsoleBrowserFixture fixture, string locale, string token)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, TimezoneId = "Asia/Shanghai", BaseURL = fixture.Host.BaseAddress.ToString(), AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        var page = await context.NewPageAsync();
        return new ConsoleSession(context, page, token);
    }

    /// <summary>Opens the console and signs in by pasting the token, then waits for the first page's heading.</summary>
    public async Task SignInAsync(string hash = "")
    {
        await Page.GotoAsync("/console" + hash);
        await Page.FillAsync("#token", _token);
        await Page.ClickAsync("#signin button[type=submit]");
        await RenderedAsync(); // the heading comes first; a page's tables follow when its requests end
        Assert.DoesNotContain(_token, Page.Url, StringComparison.Ordinal);
    }

    /// <summary>Goes to a page (#name?filters) and waits until it has rendered (its heading, and no request in flight).</summary>
    public async Task GoAsync(string hash)
    {
        await Page.EvaluateAsync("h => { location.hash = h; }", hash);
        await RenderedAsync();
    }

    private async Task RenderedAsync() =>
        await Page.WaitForFunctionAsync("() => document.querySelector('#page')?.getAttribute('aria-busy') === 'false' && document.querySelector('#page h2')");

    public async Task ShotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserFixture.Shots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        var unexpected = _problems.Where(p => !(Expected > 0 && p.StartsWith("console error: Failed to load resource", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }
}
