using System.Net;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Problems;

/// <summary>Malformed JSON, unknown fields, wrong types and oversize bodies: a 4xx problem detail and no change.</summary>
public abstract class BadInputTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Malformed_json_is_a_400_problem_and_creates_nothing()
    {
        using var client = Host.Client(Host.AdminToken);
        var problem = await (await client.PostRawAsync("/api/v1/agencies", """{"code":"MALFORMED","name":"x",""")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["$"], problem.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/MALFORMED")).StatusCode);
    }

    [VariantFact]
    public async Task Unknown_field_is_a_400_problem_naming_it_and_creates_nothing()
    {
        using var client = Host.Client(Host.AdminToken);
        var body = """{"code":"UNKNOWNFIELD","name":"x","class":"A","officerCount":3,"legalReviewStaff":0,"budget":100}""";
        var problem = await (await client.PostRawAsync("/api/v1/agencies", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["budget"], problem.ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/UNKNOWNFIELD")).StatusCode);
    }

    [VariantFact]
    public async Task Wrongly_typed_field_is_a_400_problem_naming_it_and_changes_nothing()
    {
        var code = await Host.CreateAgencyAsync(officers: 12);
        using var client = Host.Client(Host.AdminToken);
        var body = """{"name":"x","class":"A","officerCount":"lots","legalReviewStaff":0}""";
        var problem = await (await client.PutRawAsync($"/api/v1/agencies/{code}", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["officerCount"], problem.ErrorFields());
        var agency = await (await client.GetAsync($"/api/v1/agencies/{code}")).OkJsonAsync();
        Assert.Equal(12, agency.GetProperty("officerCount").GetInt64());
    }

    [VariantFact]
    public async Task Oversize_json_body_is_a_413_problem_and_creates_nothing()
    {
        using var client = Host.Client(Host.AdminToken);
        var body = $$"""{"code":"OVERSIZE","name":"{{new string('x', 2 * 1024 * 1024)}}","class":"A","officerCount":3,"legalReviewStaff":0}""";
        var problem = await (await client.PostRawAsync("/api/v1/agencies", body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Cloud:Http:MaxRequestBodyBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/OVERSIZE")).StatusCode);
    }

    [VariantFact]
    public async Task Oversize_csv_import_is_a_413_problem_and_imports_nothing()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var csv = "badge_number,name\n" + string.Concat(Enumerable.Range(0, 60_000).Select(i => $"{i},Officer number {i}\n"));
        await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", csv, "text/csv")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var list = await (await client.GetAsync($"/api/v1/agencies/{code}/officers")).OkJsonAsync();
        Assert.Empty(list.EnumerateArray());
    }

    [VariantFact]
    public async Task Json_body_with_the_wrong_content_type_is_a_415_problem()
    {
        using var client = Host.Client(Host.AdminToken);
        await (await client.PostRawAsync("/api/v1/agencies", """{"code":"PLAIN"}""", "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteHostFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class BadInputTestsOnPostgres(PostgresHostFixture fixture) : BadInputTests(fixture), IClassFixture<PostgresHostFixture>;
