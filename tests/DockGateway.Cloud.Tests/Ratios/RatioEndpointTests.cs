using System.Net;
using System.Net.Http.Json;
using Dapper;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Registry;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

public abstract class RatioEndpointTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Class_A_counts_only_in_service_recorders_and_reports_the_shortfall()
    {
        var code = await Host.CreateAgencyAsync("A", officers: 7, legalReviewStaff: 0);
        foreach (var (serial, status) in new[] { ("1", "in-service"), ("2", "in-service"), ("3", "in-service"), ("4", "repair"), ("5", "retired") })
        {
            await Host.AddRecorderAsync(code, $"{code}-{serial}", status);
        }

        using var client = Host.Client(Host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(7, ratio.GetProperty("officers").GetInt64());
        Assert.Equal(5, ratio.GetProperty("recordersTotal").GetInt64());
        Assert.Equal(3, ratio.GetProperty("recordersInService").GetInt64());
        Assert.Equal(4, ratio.GetProperty("requiredRecorders").GetInt64());
        Assert.False(ratio.GetProperty("compliant").GetBoolean());
        Assert.Equal(1, ratio.GetProperty("shortfall").GetInt64());
        Assert.Equal(1, ratio.GetProperty("legalReviewRequired").GetInt64());
        Assert.Equal(1, ratio.GetProperty("legalReviewShortfall").GetInt64());
        Assert.False(ratio.GetProperty("legalReviewCompliant").GetBoolean());
    }

    [VariantFact]
    public async Task Class_B_with_a_third_of_its_officers_equipped_is_compliant()
    {
        var code = await Host.CreateAgencyAsync("B", officers: 9, legalReviewStaff: 1);
        for (var i = 0; i < 3; i++)
        {
            await Host.AddRecorderAsync(code, $"{code}-{i}");
        }

        using var client = Host.Client(Host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(3, ratio.GetProperty("requiredRecorders").GetInt64());
        Assert.True(ratio.GetProperty("compliant").GetBoolean());
        Assert.Equal(0, ratio.GetProperty("shortfall").GetInt64());
        Assert.True(ratio.GetProperty("legalReviewCompliant").GetBoolean());
    }

    [VariantFact]
    public async Task Class_C_is_measured_against_its_configured_minimum()
    {
        var code = await Host.CreateAgencyAsync("C", officers: 50, classCMinimum: 4, legalReviewStaff: 3);
        await Host.AddRecorderAsync(code, $"{code}-1");
        using var client = Host.Client(Host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(4, ratio.GetProperty("requiredRecorders").GetInt64());
        Assert.Equal(3, ratio.GetProperty("shortfall").GetInt64());
        Assert.Equal(3, ratio.GetProperty("legalReviewRequired").GetInt64());
    }

    [VariantFact]
    public async Task Agency_without_recorders_or_officers_has_zero_counts()
    {
        var code = await Host.CreateAgencyAsync("A", officers: 0, legalReviewStaff: 0);
        using var client = Host.Client(Host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(0, ratio.GetProperty("recordersInService").GetInt64());
        Assert.Equal(0, ratio.GetProperty("registeredOfficers").GetInt64());
        Assert.True(ratio.GetProperty("compliant").GetBoolean());
    }

    [VariantFact]
    public async Task Recorders_not_docked_for_more_than_24_hours_are_overdue_counting_never_docked_from_issue()
    {
        var code = await Host.CreateAgencyAsync("A", officers: 10);
        await Host.AddRecorderAsync(code, $"{code}-recent");
        await Host.AddRecorderAsync(code, $"{code}-stale");
        await Host.AddRecorderAsync(code, $"{code}-never");
        await Host.AddRecorderAsync(code, $"{code}-repair", "repair");
        var dock = await Host.EnrolDockAsync(code);
        var now = Host.Time.GetUtcNow();
        await Host.DockedAsync(code, dock, $"{code}-stale", now - TimeSpan.FromHours(25));
        await Host.DockedAsync(code, dock, $"{code}-recent", now - TimeSpan.FromHours(1));

        using var client = Host.Client(Host.AdminToken);
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(1, ratio.GetProperty("recordersOverdue").GetInt64());

        Host.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await Host.DockedAsync(code, dock, $"{code}-recent", Host.Time.GetUtcNow());
        var later = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(2, later.GetProperty("recordersOverdue").GetInt64()); // stale + never (issued > 24 h ago); repair never counts
    }

    [VariantFact]
    public async Task Ratios_are_served_as_csv_by_accept_header_or_format_parameter()
    {
        var code = await Host.CreateAgencyAsync("B", officers: 6);
        using var client = Host.Client(Host.AdminToken);
        var lines = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio?format=csv")).CsvLinesAsync();
        Assert.Equal(Cloud.Ratios.RatioCsv.Table.Header, lines[0]);
        Assert.StartsWith($"{code},Agency {code},B,6,0,0,0,2,false,2,", lines[1], StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ratios");
        request.Headers.Accept.ParseAdd("text/csv");
        var all = await (await client.SendAsync(request)).CsvLinesAsync();
        Assert.Contains(all, l => l.StartsWith($"{code},", StringComparison.Ordinal));

        await (await client.GetAsync("/api/v1/ratios?format=xml")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [VariantFact]
    public async Task Manager_of_two_agencies_sees_exactly_those_two()
    {
        var first = await Host.CreateAgencyAsync();
        var second = await Host.CreateAgencyAsync();
        await Host.CreateAgencyAsync();
        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", first, second));
        string[] expected = [.. new[] { first, second }.Order(StringComparer.Ordinal)];
        var ratios = await (await manager.GetAsync("/api/v1/ratios")).OkJsonAsync();
        Assert.Equal(expected, ratios.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("agencyCode").GetString()));
        Assert.Equal(2, ratios.GetProperty("total").GetInt64());
        var agencies = await (await manager.GetAsync("/api/v1/agencies")).OkJsonAsync();
        Assert.Equal(expected, agencies.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/docks")).StatusCode);
    }

    [VariantFact]
    public async Task Equipment_counters_match_a_recount_after_mixed_writes_and_a_rebuild_repairs_drift()
    {
        var code = await Host.CreateAgencyAsync("A", officers: 4);
        await Host.AddOfficerAsync(code, "1");
        await Host.AddRecorderAsync(code, $"{code}-a");
        await Host.AddRecorderAsync(code, $"{code}-b", "repair");
        using var client = Host.Client(Host.AdminToken);
        await (await client.PutAsJsonAsync($"/api/v1/recorders/{code}-a", new { vendor = "V", model = "M", status = "retired" })).OkJsonAsync();
        await (await client.PutAsJsonAsync($"/api/v1/recorders/{code}-b", new { vendor = "V", model = "M", status = "in-service" })).OkJsonAsync();
        await (await client.PostRawAsync($"/api/v1/agencies/{code}/recorders/import", $"serial,vendor,model,status\n{code}-c,V,M,in-service\n{code}-a,V,M,in-service\n", "text/csv")).OkJsonAsync();
        await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", "badge_number,name\n1,A\n2,B\n", "text/csv")).OkJsonAsync();

        var database = Host.Services.GetRequiredService<ICloudDatabase>();
        Assert.Empty(await EquipmentCounts.FindDriftAsync(database, CancellationToken.None));
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(3, ratio.GetProperty("recordersInService").GetInt64());
        Assert.Equal(3, ratio.GetProperty("recordersTotal").GetInt64());
        Assert.Equal(2, ratio.GetProperty("registeredOfficers").GetInt64());

        await using (var connection = await database.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE agency_equipment SET recorders_in_service = 99 WHERE agency_code = @code", new { code });
        }

        Assert.Equal([code], await EquipmentCounts.FindDriftAsync(database, CancellationToken.None));
        await EquipmentCounts.RebuildAsync(database, CancellationToken.None);
        Assert.Empty(await EquipmentCounts.FindDriftAsync(database, CancellationToken.None));
    }

    [VariantFact]
    public async Task Unknown_agency_ratio_is_404()
    {
        using var client = Host.Client(Host.AdminToken);
        await (await client.GetAsync("/api/v1/agencies/NO-SUCH/ratio")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class RatioEndpointTestsOnSqlite(SqliteHostFixture fixture) : RatioEndpointTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class RatioEndpointTestsOnPostgres(PostgresHostFixture fixture) : RatioEndpointTests(fixture), IClassFixture<PostgresHostFixture>;
