using System.Net;
using System.Security.Claims;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Tests.Evidence;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.AccessLog;

public abstract class AccessLogTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Footage_read_recorded_through_IAccessLog_is_listed_for_auditors()
    {
        var agency = await Host.CreateAgencyAsync();
        var sha = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var reader = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "Detective Reed"), new Claim(ClaimTypes.Role, CloudRoles.Auditor), new Claim(CloudClaims.TokenId, "tok-1")], "test"));
        await Host.Services.GetRequiredService<IAccessLog>().RecordAsync(reader, "footage.read", sha, agency, "REC_0001.MP4", CancellationToken.None);

        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor"));
        var entries = await (await auditor.GetAsync("/api/v1/access-log?action=footage.read")).OkJsonAsync();
        var entry = Assert.Single(entries.EnumerateArray(), e => e.GetProperty("resource").GetString() == sha);
        Assert.Equal("tok-1", entry.GetProperty("actorId").GetString());
        Assert.Equal("Detective Reed", entry.GetProperty("actorName").GetString());
        Assert.Equal(agency, entry.GetProperty("agencyCode").GetString());
    }

    [VariantFact]
    public async Task Ratio_csv_export_is_logged_but_json_reads_are_not()
    {
        var agency = await Host.CreateAgencyAsync();
        var managerToken = await Host.CreateTokenAsync("equipment-manager", agency);
        using var manager = Host.Client(managerToken);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/agencies/{agency}/ratio")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/agencies/{agency}/ratio?format=csv")).StatusCode);

        using var admin = Host.Client(Host.AdminToken);
        var entries = await (await admin.GetAsync("/api/v1/access-log?action=export.ratios")).OkJsonAsync();
        var mine = entries.EnumerateArray().Where(e => e.GetProperty("agencyCode").GetString() == agency).ToList();
        var entry = Assert.Single(mine);
        Assert.Equal("equipment-manager", entry.GetProperty("role").GetString());
        Assert.Equal($"/api/v1/agencies/{agency}/ratio?format=csv", entry.GetProperty("resource").GetString());
    }

    [VariantFact]
    public async Task Scoped_auditor_sees_only_its_agencies_entries()
    {
        var mine = await Host.CreateAgencyAsync();
        var other = await Host.CreateAgencyAsync();
        using var admin = Host.Client(Host.AdminToken);
        await admin.GetAsync($"/api/v1/agencies/{mine}/ratio?format=csv");
        await admin.GetAsync($"/api/v1/agencies/{other}/ratio?format=csv");

        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", mine));
        var entries = await (await auditor.GetAsync("/api/v1/access-log")).OkJsonAsync();
        Assert.NotEmpty(entries.EnumerateArray());
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(mine, e.GetProperty("agencyCode").GetString()));
    }

    [VariantFact]
    public async Task Access_log_limit_out_of_range_is_a_problem_naming_it()
    {
        using var admin = Host.Client(Host.AdminToken);
        var problem = await (await admin.GetAsync("/api/v1/access-log?limit=0")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["limit"], problem.ErrorFields());
    }

    [VariantFact]
    public async Task Actor_agency_resource_and_time_filters_narrow_the_log_and_the_Link_header_pages_through_it()
    {
        var agency = await Host.CreateAgencyAsync();
        var other = await Host.CreateAgencyAsync();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var log = Host.Services.GetRequiredService<IAccessLog>();
        var reed = Person("Detective Reed", "tok-reed-" + agency);
        var wu = Person("吴警官", "tok-wu-" + agency);
        var start = Host.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Host.Time.Advance(TimeSpan.FromSeconds(1));
            await log.RecordAsync(reed, "footage.view", sha, agency, $"review {i}", CancellationToken.None);
        }

        Host.Time.Advance(TimeSpan.FromSeconds(1));
        await log.RecordAsync(wu, "footage.view", sha, agency, "=HYPERLINK(\"x\")", CancellationToken.None);
        await log.RecordAsync(reed, "footage.view", sha, other, "other agency", CancellationToken.None);
        var end = Host.Time.GetUtcNow();

        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor"));
        var byName = await (await auditor.GetAsync($"/api/v1/access-log?actor={Uri.EscapeDataString("Detective Reed")}&agency={agency}")).OkJsonAsync();
        Assert.Equal(["review 2", "review 1", "review 0"], byName.EnumerateArray().Select(e => e.GetProperty("detail").GetString()!).ToArray());
        var byToken = await (await auditor.GetAsync($"/api/v1/access-log?actor=tok-wu-{agency}&resource={sha}")).OkJsonAsync();
        Assert.Equal("吴警官", Assert.Single(byToken.EnumerateArray()).GetProperty("actorName").GetString());
        var window = $"since={Uri.EscapeDataString(start.AddSeconds(2).ToString("O"))}&until={Uri.EscapeDataString(end.ToString("O"))}";
        var timed = await (await auditor.GetAsync($"/api/v1/access-log?agency={agency}&{window}")).OkJsonAsync();
        Assert.Equal(["review 2", "review 1"], timed.EnumerateArray().Select(e => e.GetProperty("detail").GetString()!).ToArray());

        var first = await auditor.GetAsync($"/api/v1/access-log?agency={agency}&limit=3");
        Assert.Equal(3, (await first.OkJsonAsync()).GetArrayLength());
        var next = first.Headers.GetValues("Link").Single();
        Assert.EndsWith("; rel=\"next\"", next, StringComparison.Ordinal);
        var second = await auditor.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Equal("review 0", Assert.Single((await second.OkJsonAsync()).EnumerateArray()).GetProperty("detail").GetString());
        Assert.False(second.Headers.Contains("Link"));

        var csv = await (await auditor.GetAsync($"/api/v1/access-log?agency={agency}&format=csv")).CsvLinesAsync();
        Assert.Equal(AccessLogCsv.Table.Header, csv[0]);
        Assert.Equal(6, csv.Length); // the four entries and the export itself, logged before it is sent
        Assert.Contains(csv, l => l.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", StringComparison.Ordinal));
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM access_log WHERE action = 'export.access-log' AND agency_code = @agency", new { agency }));
    }

    [VariantFact]
    public async Task Bad_times_and_agencies_out_of_scope_are_refused_naming_the_field()
    {
        var mine = await Host.CreateAgencyAsync();
        var other = await Host.CreateAgencyAsync();
        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", mine));
        var problem = await (await auditor.GetAsync("/api/v1/access-log?since=yesterday&until=2026-01-01T00:00:00Z")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["since"], problem.ErrorFields());
        problem = await (await auditor.GetAsync("/api/v1/access-log?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["until"], problem.ErrorFields());
        await (await auditor.GetAsync($"/api/v1/access-log?agency={other}")).ProblemAsync(HttpStatusCode.NotFound);
        problem = await (await auditor.GetAsync("/api/v1/access-log?after=nonsense")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["after"], problem.ErrorFields());
    }

    private static ClaimsPrincipal Person(string name, string tokenId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, CloudRoles.Reviewer), new Claim(CloudClaims.TokenId, tokenId)], "test"));
}

public sealed class AccessLogTestsOnSqlite(SqliteHostFixture fixture) : AccessLogTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class AccessLogTestsOnPostgres(PostgresHostFixture fixture) : AccessLogTests(fixture), IClassFixture<PostgresHostFixture>;
