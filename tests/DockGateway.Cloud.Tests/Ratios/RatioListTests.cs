using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Ratios;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Ratios;

/// <summary>
/// <c>GET /api/v1/ratios</c> as a paged, filtered, sorted list and <c>GET /api/v1/ratios/summary</c>: totals checked
/// against a count of the rows themselves, every agency exactly once across pages, bad parameters named.
/// </summary>
public abstract class RatioListTests(CloudHostFixture fixture)
{
    // (class, officers, class C minimum, in service, in repair): shortfalls 3, 0, 2, 0, 3, 2, 2.
    private static readonly (string Class, long Officers, long? Minimum, int InService, int Repair)[] s_agencies =
    [
        ("A", 10, null, 2, 1), ("A", 9, null, 5, 0), ("B", 9, null, 1, 2), ("B", 30, null, 10, 0), ("C", 50, 4, 1, 0), ("A", 4, null, 0, 0),
        ("B", 6, null, 0, 1),
    ];

    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task The_summary_equals_a_count_of_the_agencies_and_recorders_themselves()
    {
        var (codes, token) = await SevenAsync();
        using var manager = Host.Client(token);
        var mine = await (await manager.GetAsync("/api/v1/ratios/summary")).OkJsonAsync();
        var expected = await DirectCountAsync(codes);
        Assert.Equal(expected, Totals(mine));
        Assert.Equal((7L, 2L, 5L, 12L), (expected.Agencies, expected.Compliant, expected.Short, expected.Shortfall)); // the seed, by hand
        Assert.True(expected.Overdue > 0);

        using var admin = Host.Client(Host.AdminToken);
        Assert.Equal(await DirectCountAsync(null), Totals(await (await admin.GetAsync("/api/v1/ratios/summary")).OkJsonAsync()));
        var one = await (await admin.GetAsync($"/api/v1/ratios/summary?agency={codes[0]}")).OkJsonAsync();
        Assert.Equal(await DirectCountAsync([codes[0]]), Totals(one));
        await (await manager.GetAsync($"/api/v1/ratios/summary?agency={await Host.CreateAgencyAsync()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [VariantFact]
    public async Task Pages_followed_through_the_Link_header_hold_every_agency_once_in_shortfall_order()
    {
        var (codes, token) = await SevenAsync();
        using var manager = Host.Client(token);
        var seen = new List<(string Code, long Shortfall, long Overdue)>();
        var address = "/api/v1/ratios?sort=-shortfall&limit=2";
        var pages = 0;
        while (address is not null)
        {
            var response = await manager.GetAsync(address);
            var page = await response.OkJsonAsync();
            Assert.Equal(7, page.GetProperty("total").GetInt64());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r =>
                (r.GetProperty("agencyCode").GetString()!, r.GetProperty("shortfall").GetInt64(), r.GetProperty("recordersOverdue").GetInt64())));
            pages++;
            var next = page.GetProperty("next");
            if (!response.Headers.TryGetValues("Link", out var links))
            {
                Assert.Equal(JsonValueKind.Null, next.ValueKind);
                address = null;
                continue;
            }

            var link = Assert.Single(links);
            Assert.EndsWith($"after={next.GetString()}>; rel=\"next\"", link, StringComparison.Ordinal);
            Assert.Contains("sort=-shortfall", link, StringComparison.Ordinal);
            address = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        }

        Assert.Equal(4, pages);
        Assert.Equal(codes.Order(StringComparer.Ordinal), seen.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.Equal(seen.OrderByDescending(s => s.Shortfall).ThenBy(s => s.Code, StringComparer.Ordinal), seen);
        Assert.Equal([3, 3, 2, 2, 2, 0, 0], seen.Select(s => s.Shortfall));
        Assert.Equal((await DirectCountAsync(codes)).Overdue, seen.Sum(s => s.Overdue));

        var lines = await (await manager.GetAsync("/api/v1/ratios?sort=-shortfall&limit=2&format=csv")).CsvLinesAsync();
        Assert.Equal(RatioCsv.Table.Header, lines[0]);
        Assert.Equal(seen.Select(s => s.Code), lines.Skip(1).Select(l => l.Split(',')[0])); // every matching agency, not one page
        await (await manager.GetAsync("/api/v1/ratios?sort=-shortfall&limit=2&after=8")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [VariantFact]
    public async Task Filters_and_sorts_select_and_order_on_the_server()
    {
        var (codes, token) = await SevenAsync();
        using var manager = Host.Client(token);
        async Task<string[]> CodesAsync(string query) =>
            (await (await manager.GetAsync($"/api/v1/ratios?{query}")).OkJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(r => r.GetProperty("agencyCode").GetString()!).ToArray();

        Assert.Equal(new[] { codes[2], codes[6] }.Order(StringComparer.Ordinal), await CodesAsync("class=B&compliant=false"));
        Assert.Equal(new[] { codes[1], codes[3] }.Order(StringComparer.Ordinal), await CodesAsync("compliant=true"));
        Assert.Equal([codes[4]], await CodesAsync($"q={codes[4][3..9].ToLowerInvariant()}"));
        Assert.Equal(codes.Order(StringComparer.Ordinal), await CodesAsync("sort=code"));
        Assert.Equal(codes.Order(StringComparer.Ordinal).Reverse(), await CodesAsync("sort=-code"));
        string[] byInService = [codes[3], codes[1], codes[0], .. new[] { codes[2], codes[4] }.Order(StringComparer.Ordinal), .. new[] { codes[5], codes[6] }.Order(StringComparer.Ordinal)];
        Assert.Equal(byInService, await CodesAsync("sort=-inService")); // ties by code, ascending
    }

    [VariantFact]
    public async Task The_shortfall_follows_changes_of_the_agency_and_of_its_recorders()
    {
        var (codes, token) = await SevenAsync();
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PutAsJsonAsync($"/api/v1/agencies/{codes[1]}", new { name = "Grown", @class = "A", officerCount = 20, legalReviewStaff = 1 })).OkJsonAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/recorders/{codes[0]}-1", new { vendor = "V", model = "M", status = "repair" })).OkJsonAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/agencies/{codes[4]}", new { name = "Relaxed", @class = "C", officerCount = 50, classCMinimum = 1, legalReviewStaff = 1 })).OkJsonAsync();

        using var manager = Host.Client(token);
        var page = await (await manager.GetAsync("/api/v1/ratios?sort=-shortfall&limit=3")).OkJsonAsync();
        Assert.Equal([(codes[1], 5L), (codes[0], 4L), .. new[] { codes[2], codes[5], codes[6] }.Order(StringComparer.Ordinal).Take(1).Select(c => (c, 2L))],
            page.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("agencyCode").GetString()!, r.GetProperty("shortfall").GetInt64())));
        Assert.Equal(await DirectCountAsync(codes), Totals(await (await manager.GetAsync("/api/v1/ratios/summary")).OkJsonAsync()));
        Assert.Empty(await EquipmentCounts.FindDriftAsync(Host.Services.GetRequiredService<ICloudDatabase>(), CancellationToken.None));
    }

    [VariantFact]
    public async Task A_bad_parameter_is_a_400_naming_it()
    {
        using var admin = Host.Client(Host.AdminToken);
        foreach (var (query, field) in new[]
        {
            ("sort=colour", "sort"), ("sort=-", "sort"), ("class=D", "class"), ("compliant=maybe", "compliant"), ("limit=501", "limit"),
            ("limit=0", "limit"), ("after=-1", "after"), ("after=ten", "after"), ("format=xml", "format"), ($"q={new string('x', 65)}", "q"),
        })
        {
            var problem = await (await admin.GetAsync($"/api/v1/ratios?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal([field], problem.ErrorFields());
        }
    }

    private static (long, long, long, long, long, long, long) Totals(JsonElement s) =>
        (s.GetProperty("agencies").GetInt64(), s.GetProperty("compliantAgencies").GetInt64(), s.GetProperty("shortAgencies").GetInt64(), s.GetProperty("shortfall").GetInt64(),
         s.GetProperty("recordersRequired").GetInt64(), s.GetProperty("recordersInService").GetInt64(), s.GetProperty("recordersOverdue").GetInt64());

    /// <summary>The totals counted from the agency and recorder rows in C#, without the counter table or the product's SQL.</summary>
    private async Task<(long Agencies, long Compliant, long Short, long Shortfall, long Required, long InService, long Overdue)> DirectCountAsync(string[]? codes)
    {
        var database = Host.Services.GetRequiredService<ICloudDatabase>();
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var agencies = (await connection.QueryAsync<(string Code, string Class, long Officers, long? Minimum)>(
            "SELECT code, class, officer_count, class_c_minimum FROM agencies")).Where(a => codes is null || codes.Contains(a.Code)).ToList();
        var recorders = (await connection.QueryAsync<(string Agency, string Status, long Issued, long? Docked)>(
            "SELECT agency_code, status, issued_at, last_docked_at FROM recorders")).Where(r => codes is null || codes.Contains(r.Agency)).ToList();
        var cutoff = (Host.Time.GetUtcNow() - TimeSpan.FromHours(24)).ToUnixTimeMilliseconds();
        var inService = recorders.Where(r => r.Status == "in-service").ToList();
        var rows = agencies.Select(a => (Required: EquipmentRatio.RequiredFor(a.Class, a.Officers, a.Minimum), InService: inService.LongCount(r => r.Agency == a.Code)))
            .Select(a => (a.Required, a.InService, Shortfall: Math.Max(0, a.Required - a.InService))).ToList();
        return (rows.Count, rows.Count(r => r.Shortfall == 0), rows.Count(r => r.Shortfall > 0), rows.Sum(r => r.Shortfall), rows.Sum(r => r.Required),
            rows.Sum(r => r.InService), inService.LongCount(r => (r.Docked ?? r.Issued) < cutoff));
    }

    /// <summary>Seven agencies and a manager of them; the first recorder of each has been away for 25 hours (overdue).</summary>
    private async Task<(string[] Codes, string Token)> SevenAsync()
    {
        var codes = new string[s_agencies.Length];
        for (var i = 0; i < s_agencies.Length; i++)
        {
            var (agencyClass, officers, minimum, _, _) = s_agencies[i];
            codes[i] = await Host.CreateAgencyAsync(agencyClass, officers, minimum);
        }

        for (var i = 0; i < s_agencies.Length; i++)
        {
            if (s_agencies[i].InService > 0)
            {
                await Host.AddRecorderAsync(codes[i], $"{codes[i]}-first");
            }
        }

        Host.Time.Advance(TimeSpan.FromHours(25));
        for (var i = 0; i < s_agencies.Length; i++)
        {
            for (var r = 1; r < s_agencies[i].InService; r++)
            {
                await Host.AddRecorderAsync(codes[i], $"{codes[i]}-{r}");
            }

            for (var r = 0; r < s_agencies[i].Repair; r++)
            {
                await Host.AddRecorderAsync(codes[i], $"{codes[i]}-repair-{r}", "repair");
            }
        }

        return (codes, await Host.CreateTokenAsync("equipment-manager", codes));
    }
}

public sealed class RatioListTestsOnSqlite(SqliteHostFixture fixture) : RatioListTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class RatioListTestsOnPostgres(PostgresHostFixture fixture) : RatioListTests(fixture), IClassFixture<PostgresHostFixture>;
