using Microsoft.Net.Http.Headers;

namespace DockGateway.Cloud.Console;

/// <summary>
/// The console's languages (zh-CN, en) and the one an Accept-Language header prefers: the highest-weighted
/// tag that is Chinese (zh, zh-*) or English (en, en-*); Chinese when nothing matches or the header is absent,
/// since the console's users are Chinese agencies.
/// </summary>
public static class ConsoleLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var tags))
        {
            return Chinese;
        }

        foreach (var tag in tags.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var value = tag.Value.Value ?? string.Empty;
            if (value.Equals("zh", StringComparison.OrdinalIgnoreCase) || value.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (value.Equals("en", StringComparison.OrdinalIgnoreCase) || value.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Chinese;
    }
}
