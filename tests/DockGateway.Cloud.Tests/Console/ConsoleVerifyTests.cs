using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using Microsoft.Playwright;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// Verify a file in headless Chromium: the browser hashes the file itself (streaming), fetches its custody record and
/// checks entry, inclusion proof, dock signature and witness cosignature against the keys pasted on the page; a
/// tampered file is not in custody, and a server answer with one byte changed is caught and the failed check named.
/// </summary>
public sealed class ConsoleVerifyTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    private ConsoleSeed Seed => fixture.Seed;

    [RequiresBrowserFact]
    public async Task An_ingested_sample_verifies_in_the_browser_against_the_pinned_keys_in_Chinese()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "zh-CN", Seed.AuditorToken);
        var page = session.Page;
        await OpenAsync(session, Seed.Custody.DockKey, Seed.Custody.WitnessKey);
        await VerifyAsync(page, Seed.Custody.Sample);

        Assert.Contains("ok", await page.GetAttributeAsync("#verify-verdict", "class") ?? "", StringComparison.Ordinal);
        Assert.StartsWith("核验通过", await page.TextContentAsync("#verify-verdict"), StringComparison.Ordinal);
        Assert.Equal(Sha256(await File.ReadAllBytesAsync(Seed.Custody.Sample)), await page.TextContentAsync("#verify-sha256"));
        Assert.Equal(0, await page.Locator("ul.checks li.bad").CountAsync());
        var passed = await page.Locator("ul.checks li.ok").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.check)");
        foreach (var check in new[] { "fileHash", "fileSize", "dockSignature", "witnessCosignature", "inclusion", "uploadedLink" })
        {
            Assert.Contains(check, passed);
        }

        Assert.Equal(2, passed.Count(c => c == "inclusion"));
        var record = await page.TextContentAsync("#record-0") ?? "";
        foreach (var text in new[] { Seed.Custody.Recorder, "/DCIM/100MEDIA/" + CustodySeed.SampleName, "张伟 (B-1)", "服务器声称的采集站公钥", Seed.Custody.DockKey })
        {
            Assert.Contains(text, record, StringComparison.Ordinal);
        }

        await session.ShotAsync("verify-zh-CN");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#pin-dock");
        Assert.Equal(Seed.Custody.DockKey, await page.InputValueAsync("#pin-dock"));
    }

    [RequiresBrowserFact]
    public async Task A_copy_with_one_byte_changed_is_not_in_custody_and_a_large_file_is_hashed_as_a_stream_in_English()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "en-US", Seed.AuditorToken);
        session.Expected = 2;
        var page = session.Page;
        await OpenAsync(session, Seed.Custody.DockKey, Seed.Custody.WitnessKey);
        var bytes = await File.ReadAllBytesAsync(Seed.Custody.Sample);
        bytes[bytes.Length / 2] ^= 0x01;
        var tampered = Path.Combine(Path.GetTempPath(), $"dockgw-{Guid.NewGuid():N}", CustodySeed.SampleName);
        Directory.CreateDirectory(Path.GetDirectoryName(tampered)!);
        try
        {
            await File.WriteAllBytesAsync(tampered, bytes);
            await VerifyAsync(page, tampered);
            Assert.StartsWith("Not in custody", await page.TextContentAsync("#verify-verdict"), StringComparison.Ordinal);
            Assert.Contains("bad", await page.GetAttributeAsync("#verify-verdict", "class") ?? "", StringComparison.Ordinal);
            Assert.Equal(Sha256(bytes), await page.TextContentAsync("#verify-sha256"));
            await session.ShotAsync("verify-not-in-custody-en");

            // 48 MiB in File.stream() chunks through the incremental SHA-256: the same digest as .NET's.
            var large = new byte[48 << 20];
            new Random(7).NextBytes(large);
            var path = Path.Combine(Path.GetDirectoryName(tampered)!, "large.mp4");
            await File.WriteAllBytesAsync(path, large);
            await VerifyAsync(page, path);
            Assert.Equal(Sha256(large), await page.TextContentAsync("#verify-sha256"));
            Assert.StartsWith("Not in custody", await page.TextContentAsync("#verify-verdict"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(tampered)!, true);
        }
    }

    [RequiresBrowserFact]
    public async Task A_server_answer_with_one_byte_changed_or_a_key_not_pinned_fails_the_named_check_in_red()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, "en-US", Seed.AuditorToken);
        var page = session.Page;
        Func<JsonNode, bool>? tamper = null;
        await page.RouteAsync("**/api/v1/custody/files/*", async route =>
        {
            var response = await route.FetchAsync();
            var answer = JsonNode.Parse(await response.TextAsync())!;
            Assert.True(tamper!(answer["records"]![0]!));
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = answer.ToJsonString() });
        });
        await OpenAsync(session, Seed.Custody.DockKey, Seed.Custody.WitnessKey);

        var cases = new (string Name, Func<JsonNode, bool> Tamper, string Failed)[]
        {
            ("proof-hash", r => Edit(r["ingested"]!, "proof", p => Flip(p, p.IndexOf("index 0\n", StringComparison.Ordinal) + 9)), "inclusion"),
            ("entry", r => Edit(r["ingested"]!, "entry", e => e.Replace("\"slot\":1", "\"slot\":2", StringComparison.Ordinal)), "inclusion"),
            ("dock-signature", r => Edit(r["ingested"]!, "proof", p => FlipSignature(p, Seed.Custody.Origin)), "dockSignature"),
            ("cosignature", r => Edit(r["ingested"]!, "proof", p => FlipSignature(p, Seed.Custody.WitnessKey.Split('+')[0])), "witnessCosignature"),
            ("uploaded-proof", r => Edit(r["uploaded"]!, "proof", p => Flip(p, p.IndexOf("index 2\n", StringComparison.Ordinal) + 9)), "inclusion"),
        };
        foreach (var (name, change, failed) in cases)
        {
            tamper = change;
            await VerifyAsync(page, Seed.Custody.Sample);
            Assert.True((await page.TextContentAsync("#verify-verdict"))!.StartsWith("Verification failed", StringComparison.Ordinal), name);
            var bad = await page.Locator("ul.checks li.bad").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.check)");
            Assert.True(bad.SequenceEqual([failed]), $"{name}: failed checks {string.Join(", ", bad)}");
            Assert.Equal("rgb(179, 38, 30)", await page.Locator("ul.checks li.bad").EvaluateAsync<string>("li => getComputedStyle(li).color"));
            await session.ShotAsync($"verify-caught-{name}-en");
        }

        // A server that claims another witness key changes nothing: the pinned key decides.
        using var other = Ed25519PrivateKey.Generate();
        tamper = r => { r["witnessKey"] = new CosignatureSigner("witness.example/other", other).VerifierKey; return true; };
        await OpenAsync(session, Seed.Custody.DockKey, new CosignatureSigner("witness.example/other", other).VerifierKey);
        await VerifyAsync(page, Seed.Custody.Sample);
        Assert.StartsWith("Verification failed", await page.TextContentAsync("#verify-verdict"), StringComparison.Ordinal);
        Assert.Contains("witnessCosignature", await page.Locator("ul.checks li.bad").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.check)"));
    }

    private static async Task OpenAsync(ConsoleSession session, string dockKey, string witnessKey)
    {
        if (!session.Page.Url.Contains("/console", StringComparison.Ordinal))
        {
            await session.SignInAsync();
        }

        await session.GoAsync("#verify");
        await session.Page.FillAsync("#pin-dock", dockKey);
        await session.Page.FillAsync("#pin-witness", witnessKey);
        await session.Page.ClickAsync("#pin-keys button[type=submit]");
        await session.Page.WaitForFunctionAsync("() => document.querySelector('#pin-saved').textContent !== ''");
    }

    private static async Task VerifyAsync(IPage page, string file)
    {
        // Chromium fires no change event for the same file chosen again: clear the choice first.
        await page.SetInputFilesAsync("#verify-file", Array.Empty<string>());
        await page.EvaluateAsync("() => document.querySelector('#verify-results').replaceChildren()");
        await page.SetInputFilesAsync("#verify-file", file);
        await page.WaitForSelectorAsync("#verify-verdict", new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    private static bool Edit(JsonNode entry, string field, Func<string, string> change)
    {
        var before = entry[field]!.GetValue<string>();
        var after = change(before);
        entry[field] = after;
        return after != before;
    }

    /// <summary>Changes the base64 character at <paramref name="at"/> to another one (still valid base64, one byte different).</summary>
    private static string Flip(string text, int at) => text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..];

    /// <summary>Changes one character of the signature bytes (past the key ID) in the signature line of <paramref name="keyName"/>.</summary>
    private static string FlipSignature(string proof, string keyName)
    {
        var line = proof.IndexOf($"\n\u2014 {keyName} ", StringComparison.Ordinal);
        Assert.True(line > 0, $"no signature line of {keyName}");
        return Flip(proof, line + 3 + keyName.Length + 1 + 24);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
