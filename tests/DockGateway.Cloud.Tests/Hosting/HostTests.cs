using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Hosting;

public abstract class HostTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Health_answers_ok_when_the_database_is_reachable()
    {
        using var client = Host.Client();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [VariantFact]
    public async Task OpenApi_document_lists_the_api()
    {
        using var client = Host.Client();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/tokens", out _));
    }

    [VariantFact]
    public async Task Bootstrap_admin_token_authenticates_as_a_global_admin()
    {
        using var client = Host.Client(Host.AdminToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.True(me.GetProperty("global").GetBoolean());
    }

    [VariantFact]
    public async Task Every_migration_is_recorded_once()
    {
        var database = Host.Services.GetRequiredService<ICloudDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(MigrationCatalog.For(database.Dialect).Select(m => m.Version), versions);
        Assert.Equal(fixture.Storage == CloudStorageKind.Sqlite ? SqlDialect.Sqlite : SqlDialect.Postgres, database.Dialect);
    }

    [VariantFact]
    public async Task Unknown_route_is_a_problem_detail()
    {
        using var client = Host.Client(Host.AdminToken);
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HostTestsOnSqlite(SqliteHostFixture fixture) : HostTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class HostTestsOnPostgres(PostgresHostFixture fixture) : HostTests(fixture), IClassFixture<PostgresHostFixture>;
