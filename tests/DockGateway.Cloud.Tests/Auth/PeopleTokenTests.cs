using System.Net;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Auth;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DockGateway.Cloud.Tests.Auth;

public sealed class PeopleTokenTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private CloudTestHost Host => fixture.Host;

    [Fact]
    public async Task Token_is_shown_once_and_stored_only_as_its_sha256()
    {
        using var client = Host.Client(Host.AdminToken);
        var created = await (await client.PostJsonAsync("/api/v1/tokens", new { name = "Ann", role = "auditor" })).OkJsonAsync(HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("dgw_", token, StringComparison.Ordinal);

        var database = Host.Services.GetRequiredService<ICloudDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var stored = await connection.QuerySingleAsync<string>("SELECT token_sha256 FROM people_tokens WHERE id = @id", new { id = created.GetProperty("id").GetString() });
        Assert.Equal(TokenHash.Sha256Hex(token), stored);
        var anywhere = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM people_tokens WHERE token_sha256 = @token OR name = @token", new { token });
        Assert.Equal(0, anywhere);

        var listed = await (await client.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_requests_with_bad_roles_or_scopes_are_refused_naming_the_field()
    {
        var agency = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var noScope = await client.PostJsonAsync("/api/v1/tokens", new { name = "m", role = "equipment-manager" });
        Assert.Equal(["agencies"], (await noScope.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var badRole = await client.PostJsonAsync("/api/v1/tokens", new { name = "m", role = "root" });
        Assert.Equal(["role"], (await badRole.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var unknown = await client.PostJsonAsync("/api/v1/tokens", new { name = "m", role = "equipment-manager", agencies = new[] { agency, "NOPE" } });
        Assert.Equal(["agencies[1]"], (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var scopedAdmin = await client.PostJsonAsync("/api/v1/tokens", new { name = "m", role = "admin", agencies = new[] { agency } });
        Assert.Equal(["agencies"], (await scopedAdmin.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Revoked_token_is_refused_with_401()
    {
        using var admin = Host.Client(Host.AdminToken);
        var created = await (await admin.PostJsonAsync("/api/v1/tokens", new { name = "temp", role = "auditor" })).OkJsonAsync(HttpStatusCode.Created);
        using var auditor = Host.Client(created.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{created.GetProperty("id").GetString()}")).StatusCode);
        await (await auditor.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Last_admin_token_cannot_be_revoked()
    {
        await using var host = await CloudTestHost.StartAsync(CloudStorageKind.Sqlite);
        using var admin = host.Client(host.AdminToken);
        var me = await (await admin.GetAsync("/api/v1/me")).OkJsonAsync();
        await (await admin.DeleteAsync($"/api/v1/tokens/{me.GetProperty("tokenId").GetString()}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Bootstrap_token_is_ignored_once_an_admin_exists()
    {
        var other = "another-bootstrap-token-" + Guid.NewGuid().ToString("N");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = other }).Build();
        var service = new BootstrapAdminService(configuration, Host.Services.GetRequiredService<PeopleTokenStore>(), NullLogger<BootstrapAdminService>.Instance);
        await service.StartAsync(CancellationToken.None);
        using var client = Host.Client(other);
        await (await client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Short_bootstrap_token_stops_the_service_at_start_naming_the_variable()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CloudTestHost.StartAsync(
            CloudStorageKind.Sqlite, new Dictionary<string, string?> { ["DOCKGW_BOOTSTRAP_ADMIN_TOKEN"] = "short" }));
        Assert.Contains("DOCKGW_BOOTSTRAP_ADMIN_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoped_callers_list_only_their_agencies()
    {
        var mine = await Host.CreateAgencyAsync();
        var theirs = await Host.CreateAgencyAsync();
        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", mine));
        using var auditor = Host.Client(await Host.CreateTokenAsync("auditor", theirs));

        var managerSees = await (await manager.GetAsync("/api/v1/agencies")).OkJsonAsync();
        Assert.Equal([mine], managerSees.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var managerRatios = await (await manager.GetAsync("/api/v1/ratios")).OkJsonAsync();
        Assert.Equal([mine], managerRatios.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("agencyCode").GetString()));
        var auditorRatios = await (await auditor.GetAsync("/api/v1/ratios")).OkJsonAsync();
        Assert.Equal([theirs], auditorRatios.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("agencyCode").GetString()));

        var me = await (await manager.GetAsync("/api/v1/me")).OkJsonAsync();
        Assert.False(me.GetProperty("global").GetBoolean());
        Assert.Equal(JsonValueKind.Array, me.GetProperty("agencies").ValueKind);
    }
}
