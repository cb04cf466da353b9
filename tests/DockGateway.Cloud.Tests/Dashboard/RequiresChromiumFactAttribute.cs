using Xunit;

namespace DockGateway.Cloud.Tests.Dashboard;

/// <summary>A fact skipped, saying why, when headless Chromium (<c>/usr/bin/chromium</c>) or mosquitto is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public RequiresChromiumFactAttribute()
    {
        Skip = File.Exists(Chromium)
            ? Testing.Requirements.Reason(Testing.Needs.Mosquitto)
            : $"{Chromium} is not installed (apt-get install -y chromium)";
    }
}
