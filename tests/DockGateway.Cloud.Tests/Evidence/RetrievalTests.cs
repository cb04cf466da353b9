using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Evidence;

/// <summary>Footage search, viewing with ranges and downloads under supervision (issue 13 item 1), on SQLite and PostgreSQL.</summary>
public abstract class RetrievalTests(CloudHostFixture fixture)
{
    private static readonly DateTimeOffset s_day = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Search_filters_by_officer_recorder_dock_time_and_case_pages_and_exports_csv_and_every_search_is_logged()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var other = await Host.AddDockAsync(agency);
        var a = await Host.AddFootageAsync(dock, agency, 1, s_day, recorder: "CAM-A", badge: "B1");
        var b = await Host.AddFootageAsync(dock, agency, 2, s_day.AddHours(1), recorder: "CAM-A", badge: "B1");
        var c = await Host.AddFootageAsync(other, agency, 1, s_day.AddHours(2), recorder: "CAM-B", badge: "B2");
        await Host.AddFootageAsync(dock, agency, 3, s_day.AddDays(3), recorder: "CAM-A", badge: "B1");
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));

        Assert.Equal([a, b], await ShasAsync(reviewer, $"/api/v1/footage?agency={agency}&officer=B1&to=2026-03-03T00:00:00Z", reverse: true));
        Assert.Equal([c], await ShasAsync(reviewer, $"/api/v1/footage?agency={agency}&recorder=CAM-B"));
        Assert.Equal([c, b], await ShasAsync(reviewer, $"/api/v1/footage?agency={agency}&from=2026-03-02T08:30:00Z&to=2026-03-02T12:00:00Z"));
        Assert.Equal(3, (await ShasAsync(reviewer, $"/api/v1/footage?dock={dock}")).Count);

        // Pages of one, newest recording first, until next is null.
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await (await reviewer.GetAsync($"/api/v1/footage?agency={agency}&limit=1" + (next is null ? "" : "&after=" + next))).OkJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sha256").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (next is not null);
        Assert.Equal(4, seen.Count);
        Assert.Equal(seen, seen.Distinct());

        var csv = await (await reviewer.GetAsync($"/api/v1/footage?agency={agency}&officer=B2&format=csv")).CsvLinesAsync();
        Assert.StartsWith("sha256,dock_id,entry_index", csv[0], StringComparison.Ordinal);
        Assert.StartsWith(c + "," + other + ",1,", Assert.Single(csv[1..]), StringComparison.Ordinal);

        var problem = await (await reviewer.GetAsync($"/api/v1/footage?agency={agency}&from=yesterday")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from"], problem.ErrorFields());

        using var admin = Host.Client(Host.AdminToken);
        var log = await (await admin.GetAsync("/api/v1/access-log?action=footage.search&limit=10000")).OkJsonAsync();
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("resource").GetString() == $"/api/v1/footage?agency={agency}&recorder=CAM-B"
            && e.GetProperty("role").GetString() == "reviewer" && e.GetProperty("agencyCode").GetString() == agency);
    }

    [VariantFact]
    public async Task Content_plays_whole_and_in_ranges_and_each_view_is_logged_with_its_reason()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var sha = await Host.AddFootageAsync(dock, agency, 1, s_day, bytes: bytes);
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));

        var whole = await reviewer.GetAsync($"/api/v1/footage/{sha}/content?reason=" + Uri.EscapeDataString("复核 case 12"));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/footage/{sha}/content");
        ranged.Headers.Range = new RangeHeaderValue(1000, 1999);
        ranged.Headers.Add("X-Access-Reason", Uri.EscapeDataString("legal review"));
        var part = await reviewer.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 1000-1999/10000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[1000..2000], await part.Content.ReadAsByteArrayAsync());

        using var suffix = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/footage/{sha}/content?reason=tail");
        suffix.Headers.Range = new RangeHeaderValue(null, 100);
        Assert.Equal(bytes[^100..], await (await reviewer.SendAsync(suffix)).Content.ReadAsByteArrayAsync());

        using var admin = Host.Client(Host.AdminToken);
        var log = (await (await admin.GetAsync("/api/v1/access-log?action=footage.view&limit=10000")).OkJsonAsync())
            .EnumerateArray().Where(e => e.GetProperty("resource").GetString() == sha).Select(e => e.GetProperty("detail").GetString()).ToList();
        Assert.Equal(["tail", "legal review", "复核 case 12"], log);
    }

    [VariantFact]
    public async Task Content_without_a_reason_is_a_400_naming_reason_and_nothing_is_logged()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var sha = await Host.AddFootageAsync(dock, agency, 1, s_day);
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));

        foreach (var query in new[] { "", "?reason=", "?reason=%20%20", "?disposition=attachment" })
        {
            var problem = await (await reviewer.GetAsync($"/api/v1/footage/{sha}/content{query}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["reason"], problem.ErrorFields());
        }

        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha", new { sha }));
    }

    [VariantFact]
    public async Task A_range_beyond_the_file_is_a_416_naming_Range_and_nothing_is_logged()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var sha = await Host.AddFootageAsync(dock, agency, 1, s_day, bytes: new byte[500]);
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/footage/{sha}/content?reason=check");
        request.Headers.Range = new RangeHeaderValue(500, 900);
        var answer = await reviewer.SendAsync(request);
        var problem = await answer.ProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal(["Range"], problem.ErrorFields());
        Assert.Equal("bytes */500", answer.Content.Headers.ContentRange?.ToString());
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha", new { sha }));
    }

    [VariantFact]
    public async Task Auditors_see_metadata_but_not_content_managers_see_no_footage_and_other_agencies_reviewers_see_nothing()
    {
        var agency = await Host.CreateAgencyAsync();
        var elsewhere = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var sha = await Host.AddFootageAsync(dock, agency, 1, s_day);
        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", agency));
        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", agency));
        using var stranger = Host.Client(await Host.CreateTokenAsync("reviewer", elsewhere));

        Assert.Single((await (await auditor.GetAsync($"/api/v1/footage?agency={agency}")).OkJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Single((await (await auditor.GetAsync($"/api/v1/footage/{sha}")).OkJsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/v1/footage/{sha}/content?reason=look")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/footage?agency={agency}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/footage/{sha}/content?reason=look")).StatusCode);
        await (await stranger.GetAsync($"/api/v1/footage/{sha}/content?reason=look")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.GetAsync("/api/v1/footage")).OkJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action IN ('footage.view', 'footage.download')", new { sha }));
    }

    [VariantFact]
    public async Task A_download_waits_for_a_second_persons_approval_when_the_agency_requires_it()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var bytes = RandomNumberGenerator.GetBytes(2048);
        var sha = await Host.AddFootageAsync(dock, agency, 1, s_day, bytes: bytes);
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PutAsJsonAsync($"/api/v1/agencies/{agency}/evidence-settings", new { downloadApproval = true, retentionDays = 365 })).OkJsonAsync();
        using var asker = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        using var second = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        var download = $"/api/v1/footage/{sha}/content?disposition=attachment&reason=court";

        var refused = await (await asker.GetAsync(download)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("download-requests", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync($"/api/v1/footage/{sha}/content?reason=court")).StatusCode); // viewing is not downloading

        var request = await (await asker.PostAsJsonAsync($"/api/v1/footage/{sha}/download-requests", new { reason = "court hearing" })).OkJsonAsync(HttpStatusCode.Created);
        var id = request.GetProperty("id").GetString()!;
        var pending = await (await asker.GetAsync(download)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(id, pending.GetProperty("downloadRequest").GetString());
        Assert.Contains(id, pending.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await asker.PostAsync($"/api/v1/download-requests/{id}/approve", null)).ProblemAsync(HttpStatusCode.Forbidden);

        await (await second.PostAsync($"/api/v1/download-requests/{id}/approve", null)).OkJsonAsync();
        var file = await asker.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action = 'footage.download' AND detail = 'court'", new { sha }));
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE resource = @sha AND action = 'footage.download-approve'", new { sha }));
    }

    [VariantFact]
    public async Task Evidence_settings_refuse_a_retention_below_six_months_naming_retentionDays_and_change_nothing()
    {
        var agency = await Host.CreateAgencyAsync();
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PutAsJsonAsync($"/api/v1/agencies/{agency}/evidence-settings", new { downloadApproval = false, retentionDays = 400 })).OkJsonAsync();

        var problem = await (await admin.PutAsJsonAsync($"/api/v1/agencies/{agency}/evidence-settings", new { downloadApproval = true, retentionDays = 182 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["retentionDays"], problem.ErrorFields());
        var settings = await (await admin.GetAsync($"/api/v1/agencies/{agency}/evidence-settings")).OkJsonAsync();
        Assert.Equal(400, settings.GetProperty("retentionDays").GetInt32());
        Assert.False(settings.GetProperty("downloadApproval").GetBoolean());
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync($"/api/v1/agencies/{agency}/evidence-settings", new { downloadApproval = false, retentionDays = 200 })).StatusCode);
    }

    private static async Task<List<string>> ShasAsync(HttpClient client, string path, bool reverse = false)
    {
        var page = await (await client.GetAsync(path)).OkJsonAsync();
        var shas = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sha256").GetString()!).ToList();
        if (reverse)
        {
            shas.Reverse();
        }

        return shas;
    }
}

public sealed class RetrievalTestsOnSqlite(SqliteHostFixture fixture) : RetrievalTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class RetrievalTestsOnPostgres(PostgresHostFixture fixture) : RetrievalTests(fixture), IClassFixture<PostgresHostFixture>;
