using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Processes;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace DockGateway.Integration.Tests.EndToEnd;

/// <summary>
/// Issue 13's must-show: footage ingested by the real dock (simulation) and uploaded to the real cloud is found, linked
/// to a case, viewed with a reason (access-logged), and its case package verifies offline with the real dockctl; then
/// the retention job, killed between its deletion record and the delete, deletes on restart only the unheld file the
/// rule lets go, and keeps the case's files.
/// </summary>
public sealed class EvidenceEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    [RequiresFact(Needs.Mosquitto)]
    public async Task Footage_from_the_dock_is_retrieved_with_a_reason_packaged_for_its_case_verified_offline_and_kept_by_retention_while_held()
    {
        await using var rig = await EndToEndRig.StartAsync();
        var recorder = VirtualRecorder.Create("E2E-CAM-EV", new Random(1313), generatedFiles: 2, maxBytes: 256 * 1024);
        rig.StartDock();
        rig.InsertRecorder(1, recorder);
        await rig.WaitUntilAsync(() => rig.SlotState(1) == "done", "slot 1 done", s_timeout);
        await rig.WaitUntilWitnessedAtRestAsync(recorder.Files.Count, s_timeout, TimeSpan.FromSeconds(3));
        rig.Dock!.Kill(); // nothing more to log: the cosigned checkpoint covers every entry

        using var admin = Client(rig, rig.Cloud.AdminToken);
        var agency = (await (await admin.GetAsync($"/api/v1/docks/{rig.DockId}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agencyCode").GetString()!;
        var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "法制员 Li", role = "reviewer", agencies = new[] { agency } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var reviewer = Client(rig, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);

        // Search: every ingested file, stored in the cloud.
        var page = await (await reviewer.GetAsync($"/api/v1/footage?dock={rig.DockId}&limit=1000")).Content.ReadFromJsonAsync<JsonElement>();
        var hits = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(rig.IngestedSha256().Order(), hits.Select(h => h.GetProperty("sha256").GetString()!).Order());
        Assert.All(hits, h => Assert.True(h.GetProperty("stored").GetBoolean()));
        var mp4 = hits.First(h => h.GetProperty("path").GetString()!.EndsWith(".MP4", StringComparison.OrdinalIgnoreCase));
        var caseFiles = new[] { mp4.GetProperty("sha256").GetString()!, hits.First(h => h.GetProperty("sha256").GetString() != mp4.GetProperty("sha256").GetString()).GetProperty("sha256").GetString()! };
        var unheld = hits.Select(h => h.GetProperty("sha256").GetString()!).Except(caseFiles).ToList();
        Assert.NotEmpty(unheld);

        // A case with two of the files.
        var opened = await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "E2E行罚〔2026〕7号", enforcementType = "administrative-penalty", actionEndedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var sha in caseFiles)
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/cases/{caseId}/footage", new { sha256 = sha })).StatusCode);
        }

        // Retrieval with a reason: the bytes are the recorder's, the view is in the access log.
        var view = await reviewer.GetAsync($"/api/v1/footage/{caseFiles[0]}/content?reason=" + Uri.EscapeDataString("复核 E2E case"));
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("video/mp4", view.Content.Headers.ContentType?.MediaType);
        Assert.Equal(caseFiles[0], Convert.ToHexStringLower(SHA256.HashData(await view.Content.ReadAsByteArrayAsync())));
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync($"/api/v1/footage/{caseFiles[0]}/content")).StatusCode);
        var log = await (await admin.GetAsync("/api/v1/access-log?action=footage.view")).Content.ReadFromJsonAsync<JsonElement>();
        var entry = Assert.Single(log.EnumerateArray(), e => e.GetProperty("resource").GetString() == caseFiles[0]);
        Assert.Equal("复核 E2E case", entry.GetProperty("detail").GetString());
        Assert.Equal("法制员 Li", entry.GetProperty("actorName").GetString());
        Assert.Equal("reviewer", entry.GetProperty("role").GetString());

        // The case package, verified offline by dockctl with the dock's and the witness's keys pinned.
        var package = await reviewer.GetAsync($"/api/v1/cases/{caseId}/package?reason=archive");
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        var extracted = Directory.CreateTempSubdirectory("dockgw-case-").FullName;
        try
        {
            await using (var zip = await package.Content.ReadAsStreamAsync())
            {
                ZipFile.ExtractToDirectory(zip, extracted);
            }

            var bundle = Path.Combine(extracted, "docks", rig.DockId);
            string[] verify = ["audit", "verify", bundle, "--key", DockVerifierKey(rig), "--key", WitnessKey(rig), "--footage", Path.Combine(bundle, "footage"),
                "--footage-for", caseFiles[0], "--footage-for", caseFiles[1]];
            var (code, text) = await DockctlAsync(verify);
            Assert.True(code == 0, text);
            Assert.Contains("2 stored files match", text, StringComparison.Ordinal);
            Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(bundle, "footage"), "*", SearchOption.AllDirectories).Count());

            // The check can fail: one byte changed in a packaged file.
            var packed = Directory.EnumerateFiles(Path.Combine(bundle, "footage"), "*", SearchOption.AllDirectories).First();
            var bytes = await File.ReadAllBytesAsync(packed);
            bytes[bytes.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(packed, bytes);
            var (tampered, tamperedText) = await DockctlAsync(verify);
            Assert.True(tampered == 1, tamperedText);
        }
        finally
        {
            Directory.Delete(extracted, recursive: true);
        }

        // Retention: the footage ages 400 days (backdated while the cloud is down); the job is killed after writing its
        // deletion record and before deleting, then finishes on restart, deleting only the unheld files.
        var entriesBefore = CloudCount(rig, "SELECT COUNT(*) FROM custody_entries");
        await rig.Cloud.KillAsync();
        CloudExecute(rig, "UPDATE footage SET recorded_start = recorded_start - 34560000000, recorded_end = recorded_end - 34560000000, received_at = received_at - 34560000000");
        try
        {
            await rig.Cloud.StartAgainAsync(new Dictionary<string, string> { ["DOCKGW_TEST_KILL_AT"] = "retention-recorded" });
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine($"killed before healthy: {e.Message}");
        }

        await rig.WaitUntilAsync(() => rig.Cloud.HasExited, "the cloud to die at retention-recorded", TimeSpan.FromSeconds(30));
        Assert.Equal(1, CloudCount(rig, "SELECT COUNT(*) FROM deletion_records WHERE state = 'pending'"));
        await rig.Cloud.StartAgainAsync();
        await rig.WaitUntilAsync(() => CloudCount(rig, "SELECT COUNT(*) FROM deletion_records WHERE state = 'deleted'") == unheld.Count
            && CloudCount(rig, "SELECT COUNT(*) FROM deletion_records WHERE state = 'pending'") == 0, "the restarted job to finish", s_timeout);

        var records = await (await reviewer.GetAsync($"/api/v1/retention/deletions?agency={agency}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(unheld.Order(), records.EnumerateArray().Select(r => r.GetProperty("sha256").GetString()!).Order());
        Assert.All(records.EnumerateArray(), r => Assert.Equal("deleted", r.GetProperty("state").GetString()));
        foreach (var sha in unheld)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/v1/footage/{sha}/content?reason=after")).StatusCode);
        }

        foreach (var sha in caseFiles)
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/footage/{sha}/content?reason=after")).StatusCode);
        }

        Assert.Equal(entriesBefore, CloudCount(rig, "SELECT COUNT(*) FROM custody_entries")); // the custody entries stay: evidence of what was deleted
    }

    private static HttpClient Client(EndToEndRig rig, string token)
    {
        var client = new HttpClient { BaseAddress = rig.Cloud.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string DockVerifierKey(EndToEndRig rig)
    {
        using var key = KeyFile.LoadOrCreate(Path.Combine(rig.Data, "dock.key"));
        return new NoteSigner(rig.Origin, key).VerifierKey;
    }

    private static string WitnessKey(EndToEndRig rig)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(rig.ConfigFile));
        return config.RootElement.GetProperty("Sync").GetProperty("WitnessKey").GetString()!;
    }

    /// <summary>Runs the built dockctl as its own process, as an auditor would.</summary>
    private async Task<(int Code, string Output)> DockctlAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", BuiltProducts.Dockctl, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        output.WriteLine($"dockctl {string.Join(' ', args)} -> {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }

    private static long CloudCount(EndToEndRig rig, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={rig.Cloud.Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void CloudExecute(EndToEndRig rig, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={rig.Cloud.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
