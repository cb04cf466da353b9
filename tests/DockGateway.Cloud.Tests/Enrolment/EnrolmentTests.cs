using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Enrolment;

public abstract class EnrolmentTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Dock_enrols_with_a_token_and_receives_its_id_origin_and_the_witness_key()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        Assert.Matches("^dock-[0-9a-f]{16}$", dock.DockId);
        Assert.Equal($"{dock.Agency.ToLowerInvariant()}.docks.dockgateway.local/{dock.DockId}", dock.Origin);
        var witness = CosignatureVerifier.Parse(dock.WitnessKey);
        Assert.Equal("witness.dockgateway.local", witness.Name);
        Assert.Equal(1, await DockDatabase.ScalarAsync(Host,
            "SELECT COUNT(*) FROM docks WHERE id = @id AND origin = @origin AND public_key = @key AND slots = 8",
            new { id = dock.DockId, origin = dock.Origin, key = Convert.ToHexStringLower(dock.Key.PublicKey) }));
    }

    [VariantFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Witness_key_file_is_private_to_the_service()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var mode = File.GetUnixFileMode(Path.Combine(Host.Directory, "data", "witness.key"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [VariantFact]
    public async Task Enrolment_token_works_only_once()
    {
        var agency = TestDock.NewAgencyCode();
        await TestDock.CreateAgencyAsync(Host, agency);
        var token = await TestDock.CreateTokenAsync(Host, agency);
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(token)).StatusCode);
        var again = await EnrolAsync(token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await DockCountAsync(agency));
    }

    [VariantFact]
    public async Task Expired_enrolment_token_is_refused_and_nothing_is_written()
    {
        var agency = TestDock.NewAgencyCode();
        await TestDock.CreateAgencyAsync(Host, agency);
        var token = await TestDock.CreateTokenAsync(Host, agency);
        Host.Time.Advance(TimeSpan.FromHours(25));
        var response = await EnrolAsync(token);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(0, await DockCountAsync(agency));
    }

    [VariantFact]
    public async Task Unknown_token_is_401()
    {
        var response = await EnrolAsync("dgw-enrol-not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [VariantFact]
    public async Task Bad_public_key_is_a_problem_naming_the_field_and_keeps_the_token()
    {
        var agency = TestDock.NewAgencyCode();
        await TestDock.CreateAgencyAsync(Host, agency);
        var token = await TestDock.CreateTokenAsync(Host, agency);
        using var client = Host.Client();
        var response = await client.PostAsJsonAsync("/api/v1/docks/enrol", new { token, publicKey = "AAAA", site = "S", slots = 4 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("publicKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(token)).StatusCode);
    }

    [VariantFact]
    public async Task Manager_of_another_agency_cannot_create_enrolment_tokens()
    {
        var mine = TestDock.NewAgencyCode();
        var theirs = TestDock.NewAgencyCode();
        await TestDock.CreateAgencyAsync(Host, mine);
        await TestDock.CreateAgencyAsync(Host, theirs);
        var manager = await Host.CreateTokenAsync("equipment-manager", mine);
        using var client = Host.Client(manager);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/agencies/{theirs}/enrolment-tokens", null)).StatusCode);
        var own = await client.PostAsync($"/api/v1/agencies/{mine}/enrolment-tokens", null);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.StartsWith("dgw-enrol-", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString(), StringComparison.Ordinal);
        var auditor = await Host.CreateTokenAsync("auditor", mine);
        using var auditing = Host.Client(auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditing.PostAsync($"/api/v1/agencies/{mine}/enrolment-tokens", null)).StatusCode);
    }

    private async Task<HttpResponseMessage> EnrolAsync(string token)
    {
        using var key = Ed25519PrivateKey.Generate();
        using var client = Host.Client();
        return await client.PostAsJsonAsync("/api/v1/docks/enrol",
            new { token, publicKey = Convert.ToBase64String(key.PublicKey), site = "Depot", slots = 4 });
    }

    private Task<long> DockCountAsync(string agency) =>
        DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM docks WHERE agency_code = @agency", new { agency });
}

public sealed class EnrolmentTestsOnSqlite(SqliteHostFixture fixture) : EnrolmentTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class EnrolmentTestsOnPostgres(PostgresHostFixture fixture) : EnrolmentTests(fixture), IClassFixture<PostgresHostFixture>;
