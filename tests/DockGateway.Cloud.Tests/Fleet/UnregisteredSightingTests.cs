using System.Net;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Tests.Ratios;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Fleet;

/// <summary>Recorders seen at a dock while unregistered: from <c>unregistered</c> events and slot reports naming a serial the dock's agency does not have.</summary>
public abstract class UnregisteredSightingTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Serials_seen_while_unregistered_are_listed_per_agency_with_counts_last_dock_and_registration_paged_and_as_CSV()
    {
        var (agency, other) = (await Host.CreateAgencyAsync(), await Host.CreateAgencyAsync());
        var dock = await Host.EnrolDockAsync(agency);
        await Host.AddRecorderAsync(agency, $"{agency}-001");
        await Host.AddRecorderAsync(other, $"{agency}-ZZ1");
        await Host.DockedAsync(agency, dock, $"{agency}-ZZ1", Host.Time.GetUtcNow(), kind: "unregistered");
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await Host.DockedAsync(agency, dock, $"{agency}-ZZ1", Host.Time.GetUtcNow(), kind: "unregistered");
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await Host.SlotAsync(agency, dock, $"{agency}-001", "ingesting");
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await Host.SlotAsync(agency, dock, $"{agency}-ZZ2", "refused");

        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", agency));
        var list = await (await manager.GetAsync($"/api/v1/unregistered-recorders?agency={agency}")).OkJsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        var (latest, earlier) = (list.GetProperty("items")[0], list.GetProperty("items")[1]);
        Assert.Equal(($"{agency}-ZZ2", 1L, dock), (latest.GetProperty("serial").GetString(), latest.GetProperty("sightings").GetInt64(), latest.GetProperty("lastDockId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, latest.GetProperty("registeredAgency").ValueKind);
        Assert.Equal(($"{agency}-ZZ1", 2L, other), (earlier.GetProperty("serial").GetString(), earlier.GetProperty("sightings").GetInt64(), earlier.GetProperty("registeredAgency").GetString()));
        Assert.True(earlier.GetProperty("firstSeen").GetDateTimeOffset() < earlier.GetProperty("lastSeen").GetDateTimeOffset());

        Assert.Equal("1", (await (await manager.GetAsync($"/api/v1/unregistered-recorders?agency={agency}&limit=1")).OkJsonAsync()).GetProperty("next").GetString());
        Assert.Equal(["after"], (await (await manager.GetAsync($"/api/v1/unregistered-recorders?agency={agency}&after=2")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var csv = await (await manager.GetAsync($"/api/v1/unregistered-recorders?agency={agency}&format=csv")).CsvLinesAsync();
        Assert.Equal(3, csv.Length);
        Assert.StartsWith($"{agency}-ZZ2,{agency},1,", csv[1], StringComparison.Ordinal);
        using var outsider = Host.Client(await Host.CreateTokenAsync("equipment-manager", other));
        await (await outsider.GetAsync($"/api/v1/unregistered-recorders?agency={agency}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await outsider.GetAsync("/api/v1/unregistered-recorders")).OkJsonAsync()).GetProperty("total").GetInt64());
    }
}

public sealed class UnregisteredSightingTestsOnSqlite(SqliteHostFixture fixture) : UnregisteredSightingTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class UnregisteredSightingTestsOnPostgres(PostgresHostFixture fixture) : UnregisteredSightingTests(fixture), IClassFixture<PostgresHostFixture>;
