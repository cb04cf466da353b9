using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Registry;

public abstract class RegistryTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Agency_is_created_read_updated_and_listed()
    {
        var code = await Host.CreateAgencyAsync("B", officers: 30, legalReviewStaff: 2);
        using var client = Host.Client(Host.AdminToken);

        var agency = await (await client.GetAsync($"/api/v1/agencies/{code}")).OkJsonAsync();
        Assert.Equal("B", agency.GetProperty("class").GetString());
        Assert.Equal(30, agency.GetProperty("officerCount").GetInt64());

        var updated = await (await client.PutAsJsonAsync($"/api/v1/agencies/{code}", new
        {
            name = "Renamed", @class = "C", officerCount = 31, classCMinimum = 4, legalReviewStaff = 3,
        })).OkJsonAsync();
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());
        Assert.Equal(4, updated.GetProperty("classCMinimum").GetInt64());

        var all = await (await client.GetAsync("/api/v1/agencies")).OkJsonAsync();
        Assert.Contains(all.EnumerateArray(), a => a.GetProperty("code").GetString() == code);
    }

    [VariantFact]
    public async Task Agency_with_invalid_fields_is_refused_naming_each_field_and_not_stored()
    {
        using var client = Host.Client(Host.AdminToken);
        var response = await client.PostJsonAsync("/api/v1/agencies", new { code = "bad code", name = "", @class = "D", officerCount = -1, legalReviewStaff = 0 });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["class", "code", "name", "officerCount"], problem.ErrorFields().Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies/bad%20code")).StatusCode);
    }

    [VariantFact]
    public async Task Class_C_agency_needs_its_configured_minimum_and_A_or_B_must_not_set_one()
    {
        using var client = Host.Client(Host.AdminToken);
        var c = await client.PostJsonAsync("/api/v1/agencies", new { code = "CNOMIN", name = "x", @class = "C", officerCount = 5, legalReviewStaff = 0 });
        Assert.Equal(["classCMinimum"], (await c.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var a = await client.PostJsonAsync("/api/v1/agencies", new { code = "AWITHMIN", name = "x", @class = "A", officerCount = 5, classCMinimum = 2, legalReviewStaff = 0 });
        Assert.Equal(["classCMinimum"], (await a.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [VariantFact]
    public async Task Duplicate_agency_code_is_a_conflict()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var response = await client.PostJsonAsync("/api/v1/agencies", new { code, name = "again", @class = "A", officerCount = 1, legalReviewStaff = 0 });
        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [VariantFact]
    public async Task Officer_is_created_renamed_and_a_duplicate_badge_is_a_conflict()
    {
        var code = await Host.CreateAgencyAsync();
        await Host.AddOfficerAsync(code, "B-100");
        using var client = Host.Client(Host.AdminToken);
        await (await client.PostJsonAsync($"/api/v1/agencies/{code}/officers", new { badgeNumber = "B-100", name = "Twin" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await client.PutAsJsonAsync($"/api/v1/agencies/{code}/officers/B-100", new { name = "New Name" })).OkJsonAsync();
        Assert.Equal("New Name", renamed.GetProperty("name").GetString());
        var list = await (await client.GetAsync($"/api/v1/agencies/{code}/officers")).OkJsonAsync();
        Assert.Single(list.EnumerateArray());
    }

    [VariantFact]
    public async Task Recorder_assigned_to_an_unknown_officer_is_refused_and_not_stored()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var response = await client.PostJsonAsync($"/api/v1/agencies/{code}/recorders", new { serial = "SN-GHOST", vendor = "Acme", model = "M", assignedBadge = "NOBODY" });
        Assert.Equal(["assignedBadge"], (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/recorders/SN-GHOST")).StatusCode);
    }

    [VariantFact]
    public async Task Recorder_status_and_assignment_are_updated()
    {
        var code = await Host.CreateAgencyAsync();
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..8];
        await Host.AddOfficerAsync(code, "7");
        await Host.AddRecorderAsync(code, serial);
        using var client = Host.Client(Host.AdminToken);
        var updated = await (await client.PutAsJsonAsync($"/api/v1/recorders/{serial}", new { vendor = "Acme", model = "BW-2", status = "repair", assignedBadge = "7" }))
            .OkJsonAsync();
        Assert.Equal("repair", updated.GetProperty("status").GetString());
        Assert.Equal("7", updated.GetProperty("assignedBadge").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("lastDockedAt").ValueKind);

        var bad = await client.PutAsJsonAsync($"/api/v1/recorders/{serial}", new { vendor = "Acme", model = "BW-2", status = "lost" });
        Assert.Equal(["status"], (await bad.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var repair = await (await client.GetAsync($"/api/v1/agencies/{code}/recorders?status=repair")).OkJsonAsync();
        Assert.Single(repair.EnumerateArray());
    }

    [VariantFact]
    public async Task Recorder_serial_of_another_agency_is_a_conflict()
    {
        var first = await Host.CreateAgencyAsync();
        var second = await Host.CreateAgencyAsync();
        var serial = "SN-" + Guid.NewGuid().ToString("N")[..8];
        await Host.AddRecorderAsync(first, serial);
        using var client = Host.Client(Host.AdminToken);
        var response = await client.PostJsonAsync($"/api/v1/agencies/{second}/recorders", new { serial, vendor = "Acme", model = "M" });
        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [VariantFact]
    public async Task Officer_csv_import_creates_and_updates_rows()
    {
        var code = await Host.CreateAgencyAsync();
        await Host.AddOfficerAsync(code, "1");
        using var client = Host.Client(Host.AdminToken);
        const string csv = "badge_number,name\r\n1,\"Smith, Jane\"\r\n2,\"O\"\"Brien\"\r\n\r\n3,Lee\n";
        var result = await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", csv, "text/csv")).OkJsonAsync();
        Assert.Equal(3, result.GetProperty("rows").GetInt32());
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var one = await (await client.GetAsync($"/api/v1/agencies/{code}/officers/1")).OkJsonAsync();
        Assert.Equal("Smith, Jane", one.GetProperty("name").GetString());
        var two = await (await client.GetAsync($"/api/v1/agencies/{code}/officers/2")).OkJsonAsync();
        Assert.Equal("O\"Brien", two.GetProperty("name").GetString());
    }

    [VariantFact]
    public async Task Officer_csv_import_with_a_bad_row_reports_line_and_field_and_changes_nothing()
    {
        var code = await Host.CreateAgencyAsync();
        await Host.AddOfficerAsync(code, "1");
        using var client = Host.Client(Host.AdminToken);
        const string csv = "badge_number,name\n1,Renamed\n2,Good\nbad badge!,Someone\n4,\n2,Twice\n";
        var problem = await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", csv, "text/csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["line 4: badge_number", "line 5: name", "line 6: badge_number"], problem.ErrorFields().Order());
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows[0].GetProperty("line").GetInt32());
        Assert.Equal("badge_number", rows[0].GetProperty("field").GetString());

        var list = await (await client.GetAsync($"/api/v1/agencies/{code}/officers")).OkJsonAsync();
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("Officer 1", only.GetProperty("name").GetString());
    }

    [VariantFact]
    public async Task Recorder_csv_import_refused_by_the_store_rolls_back_the_rows_already_written()
    {
        var code = await Host.CreateAgencyAsync();
        await Host.AddOfficerAsync(code, "5");
        var prefix = "SN-" + Guid.NewGuid().ToString("N")[..6];
        using var client = Host.Client(Host.AdminToken);
        var csv = $"serial,vendor,model,status,assigned_badge\n{prefix}-1,Acme,M,in-service,5\n{prefix}-2,Acme,M,repair,\n{prefix}-3,Acme,M,in-service,99\n";
        var problem = await (await client.PostRawAsync($"/api/v1/agencies/{code}/recorders/import", csv, "text/csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["line 4: assigned_badge"], problem.ErrorFields());
        var list = await (await client.GetAsync($"/api/v1/agencies/{code}/recorders")).OkJsonAsync();
        Assert.Empty(list.EnumerateArray());

        var fixedCsv = csv.Replace(",99\n", ",5\n", StringComparison.Ordinal);
        var ok = await (await client.PostRawAsync($"/api/v1/agencies/{code}/recorders/import", fixedCsv, "text/csv")).OkJsonAsync();
        Assert.Equal(3, ok.GetProperty("created").GetInt32());
    }

    [VariantFact]
    public async Task Csv_import_names_missing_and_unknown_columns_on_line_1()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var problem = await (await client.PostRawAsync($"/api/v1/agencies/{code}/recorders/import", "serial,vendor,colour\nX1,Acme,red\n", "text/csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["line 1: colour", "line 1: model"], problem.ErrorFields().Order());
    }

    [VariantFact]
    public async Task Csv_import_with_broken_quoting_or_wrong_field_count_is_refused_with_the_line()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        var quoting = await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", "badge_number,name\n1,ok\n2,\"never closed\n", "text/csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["line 3: (csv)"], quoting.ErrorFields());
        var count = await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", "badge_number,name\n1,ok,extra\n", "text/csv"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["line 2: (row)"], count.ErrorFields());
    }

    [VariantFact]
    public async Task Concurrent_writes_to_one_agency_all_succeed_and_are_counted()
    {
        var code = await Host.CreateAgencyAsync("A", officers: 40);
        using var client = Host.Client(Host.AdminToken);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostJsonAsync($"/api/v1/agencies/{code}/recorders", new { serial = $"{code}-P{i}", vendor = "V", model = "M" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ratio = await (await client.GetAsync($"/api/v1/agencies/{code}/ratio")).OkJsonAsync();
        Assert.Equal(20, ratio.GetProperty("recordersInService").GetInt64());
    }

    [VariantFact]
    public async Task Csv_import_sent_as_json_is_unsupported_media_type()
    {
        var code = await Host.CreateAgencyAsync();
        using var client = Host.Client(Host.AdminToken);
        await (await client.PostRawAsync($"/api/v1/agencies/{code}/officers/import", "{}", "application/json"))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}

public sealed class RegistryTestsOnSqlite(SqliteHostFixture fixture) : RegistryTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class RegistryTestsOnPostgres(PostgresHostFixture fixture) : RegistryTests(fixture), IClassFixture<PostgresHostFixture>;
