using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// A cloud host on SQLite with <see cref="ConsoleSeed"/> data, and Debian's Chromium driven by Microsoft.Playwright
/// (its bundled node driver; the browser through <c>ExecutablePath</c>, Playwright's own browser download unused).
/// Screenshots go to <see cref="Shots"/> (<c>DOCKGW_CONSOLE_SHOTS</c>, default /tmp/dockgw-console-shots).
/// </summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private CloudTestHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleSeed? _seed;

    public CloudTestHost Host => _host ?? throw new InvalidOperationException("The console test host was not started.");

    public ConsoleSeed Seed => _seed ?? throw new InvalidOperationException("The console test data was not made.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started.");

    public static string Shots { get; } = Environment.GetEnvironmentVariable("DOCKGW_CONSOLE_SHOTS") is { Length: > 0 } dir ? dir : "/tmp/dockgw-console-shots";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            return;
        }

        _host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        _seed = await ConsoleSeed.CreateAsync(_host);
        Directory.CreateDirectory(Shots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
