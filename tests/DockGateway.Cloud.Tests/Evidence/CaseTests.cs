using System.Net;
using System.Net.Http.Json;
using DockGateway.Cloud.Cases;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Evidence;

/// <summary>Cases, their footage links and holds, and the 30-day archive deadline (issue 13 item 2), on SQLite and PostgreSQL.</summary>
public abstract class CaseTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task A_case_number_in_the_wrong_form_is_a_400_naming_caseNumber_and_no_case_is_created()
    {
        var agency = await Host.CreateAgencyAsync();
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        foreach (var bad in new[] { "", " 12", "case 12", "A;DROP", new string('9', 65), "-12", "行罚\n12" })
        {
            var problem = await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
                new { caseNumber = bad, enforcementType = "administrative-penalty", actionEndedOn = "2026-03-01" })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["caseNumber"], problem.ErrorFields());
        }

        var wrongType = await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "X-1", enforcementType = "parking", actionEndedOn = "2026-03-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["enforcementType"], wrongType.ErrorFields());
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM cases WHERE agency_code = @agency", new { agency }));

        var created = await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "深公（龙）行罚决字〔2026〕123号", enforcementType = "administrative-penalty", actionEndedOn = "2026-03-01" })).OkJsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-04-01T00:00:00+00:00", created.GetProperty("archiveDueAt").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "深公（龙）行罚决字〔2026〕123号", enforcementType = "criminal", actionEndedOn = "2026-03-02" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [VariantFact]
    public async Task Linking_footage_holds_it_and_a_hold_release_by_a_non_admin_is_a_403_that_changes_nothing()
    {
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var sha = await Host.AddFootageAsync(dock, agency, 7, DateTimeOffset.UtcNow.AddDays(-1));
        var second = await Host.AddFootageAsync(dock, agency, 8, DateTimeOffset.UtcNow.AddDays(-1));
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        var id = (await CreateAsync(reviewer, agency, "HOLD-1", "2026-03-01")).GetProperty("id").GetString()!;

        await (await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/footage", new { sha256 = sha })).OkJsonAsync();
        var linked = await (await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/footage", new { dockId = dock, entryIndex = 8 })).OkJsonAsync();
        Assert.Equal(new[] { sha, second }.Order(), linked.GetProperty("footage").EnumerateArray().Select(f => f.GetProperty("sha256").GetString()!).Order());
        var missing = await (await reviewer.PostAsJsonAsync($"/api/v1/cases/{id}/footage", new { dockId = dock, entryIndex = 99 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["entryIndex"], missing.ErrorFields());
        var found = await (await reviewer.GetAsync($"/api/v1/footage?caseNumber=HOLD-1")).OkJsonAsync();
        Assert.Equal(2, found.GetProperty("items").GetArrayLength());

        var holds = await (await reviewer.GetAsync($"/api/v1/holds?sha256={sha}")).OkJsonAsync();
        var hold = Assert.Single(holds.EnumerateArray());
        var holdId = hold.GetProperty("id").GetString()!;
        Assert.Equal(id, hold.GetProperty("caseId").GetString());

        var refused = await (await reviewer.PostAsync($"/api/v1/holds/{holdId}/release", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(holdId, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", agency));
        await (await auditor.PostAsync($"/api/v1/holds/{holdId}/release", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM retention_holds WHERE id = @holdId AND released_at IS NULL AND released_by IS NULL", new { holdId }));

        using var admin = Host.Client(Host.AdminToken);
        var released = await (await admin.PostAsync($"/api/v1/holds/{holdId}/release", null)).OkJsonAsync();
        Assert.False(released.GetProperty("active").GetBoolean());
        await (await admin.PostAsync($"/api/v1/holds/{holdId}/release", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [VariantFact]
    public async Task The_deadline_job_flags_a_case_30_days_past_its_action_and_not_archived_and_archiving_ends_the_alert()
    {
        var agency = await Host.CreateAgencyAsync();
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        var today = DateOnly.FromDateTime(Host.Time.GetUtcNow().UtcDateTime);
        var late = (await CreateAsync(reviewer, agency, "LATE-1", today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).GetProperty("id").GetString()!;
        var archived = (await CreateAsync(reviewer, agency, "DONE-1", today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).GetProperty("id").GetString()!;
        await (await reviewer.PostAsync($"/api/v1/cases/{archived}/archive", null)).OkJsonAsync();
        var job = Host.Services.GetRequiredService<CaseDeadlineJob>();

        await job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await OverdueAsync(reviewer, agency)); // day 30 after the action is still in time

        Host.Time.Advance(TimeSpan.FromDays(1));
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal([late], await OverdueAsync(reviewer, agency));

        await (await reviewer.PostAsync($"/api/v1/cases/{late}/archive", null)).OkJsonAsync();
        Assert.Empty(await OverdueAsync(reviewer, agency));
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(HttpClient client, string agency, string number, string ended) =>
        await (await client.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = number, enforcementType = "administrative-inspection", actionEndedOn = ended })).OkJsonAsync(HttpStatusCode.Created);

    private static async Task<List<string>> OverdueAsync(HttpClient client, string agency) =>
        (await (await client.GetAsync($"/api/v1/cases?agency={agency}&overdue=true")).OkJsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
}

public sealed class CaseTestsOnSqlite(SqliteHostFixture fixture) : CaseTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class CaseTestsOnPostgres(PostgresHostFixture fixture) : CaseTests(fixture), IClassFixture<PostgresHostFixture>;
