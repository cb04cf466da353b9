using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockGateway.Cloud.Console;
using DockGateway.Cloud.Tests.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>The console's files as served: language from Accept-Language, strict CSP, no outside assets, complete dictionaries.</summary>
public sealed partial class ConsoleShellTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR, en;q=0.5, zh;q=0.4", "en")]
    [InlineData("en;q=0.3, zh;q=0.8", "zh-CN")]
    [InlineData("de-DE", "zh-CN")]
    [InlineData("en;q=0, zh-CN;q=0", "zh-CN")]
    public async Task The_shell_language_follows_Accept_Language_with_Chinese_by_default(string? acceptLanguage, string expected)
    {
        Assert.Equal(expected, ConsoleLanguage.FromAcceptLanguage(acceptLanguage));
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{expected}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Every_file_is_served_with_the_policy_and_names_nothing_outside_the_cloud()
    {
        using var client = fixture.Host.Client();
        Assert.NotEmpty(ConsoleAssets.Names);
        foreach (var name in ConsoleAssets.Names)
        {
            var response = await client.GetAsync("/console/" + name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("default-src 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            if (name.StartsWith("vendor/", StringComparison.Ordinal))
            {
                continue; // third-party files, unchanged (links in their comments): VendoredScriptTests pins each by SHA-256
            }

            var text = (await response.Content.ReadAsStringAsync()).Replace("http://www.w3.org/2000/svg", "svg-namespace", StringComparison.Ordinal);
            Assert.DoesNotMatch("https?://|//[a-z0-9.-]+\\.[a-z]{2,}/", text);
            Assert.DoesNotContain("#token=", text, StringComparison.Ordinal);
        }

        var shell = await client.GetStringAsync("/console");
        Assert.Empty(InlineScript().Matches(shell));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/appsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/../Program.cs")).StatusCode);
    }

    [Fact]
    public void Both_dictionaries_have_the_same_keys_none_empty_and_every_key_the_scripts_name()
    {
        var zh = Dictionary("i18n/zh-CN.json");
        var en = Dictionary("i18n/en.json");
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), zh.Keys.Order(StringComparer.Ordinal));
        Assert.All(zh.Concat(en), pair => Assert.All(pair.Value.Values, text => Assert.False(string.IsNullOrWhiteSpace(text), pair.Key)));

        var named = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in ConsoleAssets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal) || n.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.True(ConsoleAssets.TryGet(name, out _, out var bytes));
            foreach (Match m in NamedKey().Matches(System.Text.Encoding.UTF8.GetString(bytes)))
            {
                (m.Groups["plural"].Success ? counted : named).Add(m.Groups["key"].Value);
            }
        }

        Assert.True(named.Count > 50, $"only {named.Count} keys found in the scripts");
        Assert.DoesNotContain(named, k => !en.ContainsKey(k));
        Assert.DoesNotContain(counted, k => !en.ContainsKey(k));
        Assert.All(named, k => Assert.True(en[k].Keys.SequenceEqual([Single]), $"{k} has plural forms but is shown with t(), without a count"));
        Assert.All(counted, k => Assert.False(en[k].Keys.SequenceEqual([Single]), $"{k} is shown with plural() but has no plural forms"));
        foreach (var group in new[] { "kind", "slot", "status", "role" })
        {
            Assert.Contains(en.Keys, k => k.StartsWith(group + ".", StringComparison.Ordinal));
        }

        Assert.All(Cloud.Fleet.DockEventReport.AlertKinds, kind => Assert.Contains("kind." + kind, zh.Keys));
        Assert.All(Cloud.Registry.RecorderStatus.All, status => Assert.Contains("status." + status, zh.Keys));
    }

    [Fact]
    public void Every_caption_with_a_count_has_the_plural_forms_its_language_uses_and_no_caption_writes_a_plural_by_hand()
    {
        // CLDR cardinal categories (what Intl.PluralRules selects): English one/other, Chinese other only (no inflection).
        var languages = new[] { ("i18n/en.json", new[] { "one", "other" }), ("i18n/zh-CN.json", new[] { "other" }) };
        var counted = Dictionary("i18n/en.json").Where(p => !p.Value.Keys.SequenceEqual([Single])).Select(p => p.Key).ToList();
        Assert.True(counted.Count >= 15, $"only {counted.Count} captions take a count");
        foreach (var (name, categories) in languages)
        {
            var dictionary = Dictionary(name);
            Assert.All(counted, k => Assert.Equal(categories, dictionary[k].Keys.Order(StringComparer.Ordinal)));
            Assert.All(dictionary.Where(p => p.Value.Keys.SequenceEqual([Single])), p => Assert.DoesNotMatch(HandPlural(), p.Value[Single]));
        }

        var en = Dictionary("i18n/en.json");
        Assert.Equal("{n} case, newest first", en["cases.caption"]["one"]);
        Assert.Equal("{n} cases, newest first", en["cases.caption"]["other"]);
    }

    private const string Single = "";

    /// <summary>A dictionary: key to its forms, a plain string as one form under <see cref="Single"/>, a plural object as its CLDR categories.</summary>
    private static Dictionary<string, Dictionary<string, string>> Dictionary(string name)
    {
        Assert.True(ConsoleAssets.TryGet(name, out var type, out var bytes), name);
        Assert.StartsWith("application/json", type, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(bytes)!.ToDictionary(
            p => p.Key,
            p => p.Value.ValueKind == JsonValueKind.String
                ? new Dictionary<string, string> { [Single] = p.Value.GetString()! }
                : p.Value.Deserialize<Dictionary<string, string>>()!);
    }

    [GeneratedRegex("\\{\\w+\\} \\w+(?:\\(s\\)|s\\b)|\\(s\\)")]
    private static partial Regex HandPlural();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:\\bt\\(|(?<plural>\\bplural\\()|data-i18n(?:-aria)?=)\"(?<key>[a-zA-Z]+\\.[a-zA-Z.-]+)\"")]
    private static partial Regex NamedKey();
}
