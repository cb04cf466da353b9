using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>A fact skipped, saying why, when Debian's headless Chromium (<c>/usr/bin/chromium</c>) is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresBrowserFactAttribute : FactAttribute
{
    public RequiresBrowserFactAttribute()
    {
        if (!File.Exists(ConsoleBrowserFixture.Chromium))
        {
            Skip = $"{ConsoleBrowserFixture.Chromium} is not installed (apt-get install -y chromium; scripts/install-deps.sh does)";
        }
    }
}
