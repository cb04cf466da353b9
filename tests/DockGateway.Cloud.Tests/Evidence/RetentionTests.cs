using System.Net;
using System.Net.Http.Json;
using DockGateway.Cloud.Retention;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Evidence;

/// <summary>Retention by rule: the dry run, the job, its deletion records, holds and crash recovery (issue 13 item 3), on SQLite and PostgreSQL.</summary>
public abstract class RetentionTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    private IBlobStore Blobs => Host.Services.GetRequiredService<IBlobStore>();

    private RetentionJob Job => Host.Services.GetRequiredService<RetentionJob>();

    [VariantFact]
    public async Task The_job_deletes_only_what_the_rule_allows_records_it_first_and_never_touches_held_footage()
    {
        var now = Host.Time.GetUtcNow();
        var agency = await Host.CreateAgencyAsync();
        var longer = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var longDock = await Host.AddDockAsync(longer);
        using var admin = Host.Client(Host.AdminToken);
        await (await admin.PutAsJsonAsync($"/api/v1/agencies/{longer}/evidence-settings", new { downloadApproval = false, retentionDays = 365 })).OkJsonAsync();
        var expired = await Host.AddFootageAsync(dock, agency, 1, now.AddDays(-200));
        var young = await Host.AddFootageAsync(dock, agency, 2, now.AddDays(-100));
        var soon = await Host.AddFootageAsync(dock, agency, 3, now.AddDays(-170));
        var held = await Host.AddFootageAsync(dock, agency, 4, now.AddDays(-300));
        var keptLonger = await Host.AddFootageAsync(longDock, longer, 1, now.AddDays(-300));
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        var caseId = (await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "RET-1", enforcementType = "criminal", actionEndedOn = "2026-01-05" })).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await reviewer.PostAsJsonAsync($"/api/v1/cases/{caseId}/footage", new { sha256 = held })).OkJsonAsync();
        Assert.Equal(held, Assert.Single((await (await admin.GetAsync($"/api/v1/holds?agency={agency}")).OkJsonAsync()).EnumerateArray()).GetProperty("sha256").GetString());
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/holds?agency={longer}")).OkJsonAsync()).GetArrayLength());
        await (await reviewer.GetAsync($"/api/v1/holds?agency={longer}")).ProblemAsync(HttpStatusCode.NotFound);

        var preview = await (await reviewer.GetAsync($"/api/v1/retention/preview?agency={agency}")).OkJsonAsync();
        Assert.Equal(new[] { expired, soon }.Order(), preview.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sha256").GetString()!).Order());
        var csv = await (await reviewer.GetAsync($"/api/v1/retention/preview?agency={agency}&format=csv")).CsvLinesAsync();
        Assert.Equal(3, csv.Length);
        Assert.Contains(csv, l => l.StartsWith(soon + ",", StringComparison.Ordinal) && l.Contains("183 days", StringComparison.Ordinal));
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM deletion_records WHERE agency_code = @agency", new { agency })); // a dry run changes nothing

        await Job.RunOnceAsync(CancellationToken.None);

        Assert.False(await Blobs.ExistsAsync(expired, CancellationToken.None));
        foreach (var kept in new[] { young, soon, held, keptLonger })
        {
            Assert.True(await Blobs.ExistsAsync(kept, CancellationToken.None), $"{kept} should still be stored");
        }

        var records = await (await reviewer.GetAsync($"/api/v1/retention/deletions?agency={agency}")).OkJsonAsync();
        var record = Assert.Single(records.EnumerateArray());
        Assert.Equal(expired, record.GetProperty("sha256").GetString());
        Assert.Equal(dock, record.GetProperty("dockId").GetString());
        Assert.Equal(1, record.GetProperty("entryIndex").GetInt64());
        Assert.Equal("deleted", record.GetProperty("state").GetString());
        Assert.Equal(RetentionJob.Name, record.GetProperty("byJob").GetString());
        Assert.Contains("183 days", record.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Host.CountAsync("SELECT COUNT(*) FROM footage WHERE sha256 = @expired", new { expired })); // the entry stays: evidence of what was deleted
        var gone = await (await reviewer.GetAsync($"/api/v1/footage/{expired}/content?reason=check")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("retention", gone.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Years later the held file is still there; released by an admin, the next run deletes it.
        Host.Time.Advance(TimeSpan.FromDays(1000));
        await Job.RunOnceAsync(CancellationToken.None);
        Assert.True(await Blobs.ExistsAsync(held, CancellationToken.None));
        Assert.Equal(0, await Host.CountAsync("SELECT COUNT(*) FROM deletion_records WHERE sha256 = @held", new { held }));
        var hold = (await (await admin.GetAsync($"/api/v1/holds?sha256={held}")).OkJsonAsync()).EnumerateArray().Single().GetProperty("id").GetString();
        await (await admin.PostAsync($"/api/v1/holds/{hold}/release", null)).OkJsonAsync();
        await Job.RunOnceAsync(CancellationToken.None);
        Assert.False(await Blobs.ExistsAsync(held, CancellationToken.None));
        Host.Time.Advance(TimeSpan.FromDays(-1000));
    }

    [VariantFact]
    public async Task A_crash_after_the_record_or_after_the_delete_is_finished_by_the_next_run_and_a_hold_in_between_cancels_it()
    {
        var now = Host.Time.GetUtcNow();
        var agency = await Host.CreateAgencyAsync();
        var dock = await Host.AddDockAsync(agency);
        var recordedOnly = await Host.AddFootageAsync(dock, agency, 1, now.AddDays(-400));
        var deletedUnmarked = await Host.AddFootageAsync(dock, agency, 2, now.AddDays(-400));
        var heldSince = await Host.AddFootageAsync(dock, agency, 3, now.AddDays(-400));
        var planner = Host.Services.GetRequiredService<RetentionPlanner>();
        var records = Host.Services.GetRequiredService<DeletionRecordStore>();
        var due = (await planner.DueByAsync(now, [agency], CancellationToken.None)).ToDictionary(g => g.Key, g => g.ToList());

        // The state a kill at retention-recorded leaves: records committed, blob still there.
        Assert.True(await records.TryRecordAsync(due[recordedOnly], RetentionJob.Name, now, CancellationToken.None));
        // The state a kill at retention-deleted leaves: records committed, blob gone, records still pending.
        Assert.True(await records.TryRecordAsync(due[deletedUnmarked], RetentionJob.Name, now, CancellationToken.None));
        Assert.True(await Blobs.DeleteAsync(deletedUnmarked, CancellationToken.None));
        // Recorded, then a case linked the file before the delete ran.
        Assert.True(await records.TryRecordAsync(due[heldSince], RetentionJob.Name, now, CancellationToken.None));
        using var reviewer = Host.Client(await Host.CreateTokenAsync("reviewer", agency));
        var caseId = (await (await reviewer.PostAsJsonAsync($"/api/v1/agencies/{agency}/cases",
            new { caseNumber = "CRASH-1", enforcementType = "other", actionEndedOn = "2026-01-05" })).OkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await reviewer.PostAsJsonAsync($"/api/v1/cases/{caseId}/footage", new { sha256 = heldSince })).OkJsonAsync();

        await Job.RunOnceAsync(CancellationToken.None);

        Assert.False(await Blobs.ExistsAsync(recordedOnly, CancellationToken.None));
        Assert.True(await Blobs.ExistsAsync(heldSince, CancellationToken.None));
        var states = (await records.ListAsync([agency], null, CancellationToken.None)).ToDictionary(r => r.Sha256, r => r.State);
        Assert.Equal("deleted", states[recordedOnly]);
        Assert.Equal("deleted", states[deletedUnmarked]);
        Assert.Equal("cancelled", states[heldSince]);
    }
}

public sealed class RetentionTestsOnSqlite(SqliteHostFixture fixture) : RetentionTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class RetentionTestsOnPostgres(PostgresHostFixture fixture) : RetentionTests(fixture), IClassFixture<PostgresHostFixture>;
