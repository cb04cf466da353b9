using System.Net;
using DockGateway.Cloud.Statistics;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Statistics;

public abstract class StatisticsTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Equipment_statistics_count_recorders_by_status_and_are_logged_as_an_export()
    {
        var code = await Host.CreateAgencyAsync("B", officers: 12);
        await Host.AddOfficerAsync(code, "9");
        await Host.AddRecorderAsync(code, $"{code}-1", assignedBadge: "9");
        await Host.AddRecorderAsync(code, $"{code}-2", "repair");
        await Host.AddRecorderAsync(code, $"{code}-3", "retired");
        using var manager = Host.Client(await Host.CreateTokenAsync("equipment-manager", code));

        var lines = await (await manager.GetAsync("/api/v1/statistics/equipment?format=csv")).CsvLinesAsync();
        Assert.Equal([StatisticsEndpoints.CsvHeader, $"{code},Agency {code},B,12,1,1,1,1,1,0,0"], lines);

        using var admin = Host.Client(Host.AdminToken);
        var log = await (await admin.GetAsync("/api/v1/access-log?action=export.statistics")).OkJsonAsync();
        Assert.NotEmpty(log.EnumerateArray());
        await (await manager.GetAsync("/api/v1/statistics/equipment?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class StatisticsTestsOnSqlite(SqliteHostFixture fixture) : StatisticsTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class StatisticsTestsOnPostgres(PostgresHostFixture fixture) : StatisticsTests(fixture), IClassFixture<PostgresHostFixture>;
