using System.Net;
using System.Security.Claims;
using DockGateway.Cloud.AccessLog;
using DockGateway.Cloud.Auth;
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
}

public sealed class AccessLogTestsOnSqlite(SqliteHostFixture fixture) : AccessLogTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class AccessLogTestsOnPostgres(PostgresHostFixture fixture) : AccessLogTests(fixture), IClassFixture<PostgresHostFixture>;
