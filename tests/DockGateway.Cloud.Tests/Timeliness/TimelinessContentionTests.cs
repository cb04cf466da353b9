using System.Text;
using Dapper;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Timeliness;
using DockGateway.Cloud.Witness;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Timeliness;

/// <summary>
/// Footage indexing of different agencies on PostgreSQL: the timeliness rollups a transaction moves are the agency's own
/// rows and its agency's stripe of the all-agency figures, so docks of two agencies posting at once for the same day do not
/// queue on one all-agency row; the all-agency report still equals a count of the footage rows.
/// </summary>
[VariantNeeds(Needs.Postgres)]
public sealed class TimelinessContentionTests(PostgresHostFixture fixture) : IClassFixture<PostgresHostFixture>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(5);

    private CloudTestHost Host => fixture.Host;

    private ICloudDatabase Database => Host.Services.GetRequiredService<ICloudDatabase>();

    [VariantFact]
    public async Task Two_agencies_indexing_footage_of_the_same_day_commit_without_waiting_for_each_other()
    {
        using var held = await TestDock.EnrolAsync(Host);
        using var other = await OtherStripeAsync(held.Agency);
        var end = Host.Time.GetUtcNow().AddHours(-3);
        var day = TimelinessRollup.Day(end.ToUnixTimeMilliseconds());
        var before = await AllAgenciesAsync(day);

        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        await using var holding = await connection.BeginTransactionAsync();
        await FootageIndexer.AddAsync(connection, holding, held.DockId, [Entry(held, end, end.AddHours(1))]);

        var second = Task.Run(async () =>
        {
            await using var connection2 = await Database.OpenConnectionAsync(CancellationToken.None);
            await using var transaction = await connection2.BeginTransactionAsync();
            await FootageIndexer.AddAsync(connection2, transaction, other.DockId, [Entry(other, end, end.AddHours(30))]);
            await transaction.CommitAsync();
        });
        var committedWhileHeld = await Task.WhenAny(second, Task.Delay(s_patience)) == second;
        var seenWhileHeld = committedWhileHeld ? await AllAgenciesAsync(day) : default;
        await holding.CommitAsync();
        await second;

        Assert.True(committedWhileHeld, $"the second agency's indexing waited more than {s_patience.TotalSeconds} s for the first's open transaction");
        Assert.Equal((before.Recordings + 1, before.WithinDay), seenWhileHeld); // its own recording (late), not the uncommitted one
        Assert.Equal((before.Recordings + 2, before.WithinDay + 1), await AllAgenciesAsync(day));
        Assert.Equal(await DirectAsync(day), await AllAgenciesAsync(day));
        Assert.Empty(await TimelinessRollup.FindDriftAsync(Database, CancellationToken.None));
    }

    [VariantFact]
    public void Agency_codes_spread_over_every_stripe()
    {
        var counts = Enumerable.Range(0, 1600).Select(i => TimelinessRollup.Stripe($"A{i:D5}")).CountBy(s => s).ToDictionary();
        Assert.Equal(Enumerable.Range(0, TimelinessRollup.Stripes), counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.InRange(n, 50, 150));
    }

    /// <summary>A dock of a new agency whose recordings fall in another stripe of the all-agency figures than <paramref name="agency"/>'s.</summary>
    private async Task<TestDock> OtherStripeAsync(string agency)
    {
        var code = Enumerable.Range(0, 100).Select(_ => TestDock.NewAgencyCode()).First(c => TimelinessRollup.Stripe(c) != TimelinessRollup.Stripe(agency));
        return await TestDock.EnrolAsync(Host, code);
    }

    /// <summary>The all-agency figures of <paramref name="day"/> (UTC+8) as the console's timeliness report gives them.</summary>
    private async Task<(long Recordings, long WithinDay)> AllAgenciesAsync(long day)
    {
        var report = await Host.Services.GetRequiredService<TimelinessQuery>().ReportAsync(null, null, 30, CancellationToken.None);
        var figures = report.Days.Single(d => TimelinessRollup.Day(new DateTimeOffset(d.Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds()) == day);
        return (figures.Recordings, figures.WithinDay);
    }

    private async Task<(long Recordings, long WithinDay)> DirectAsync(long day)
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN ingested_at - recorded_end <= 86400000 THEN 1 ELSE 0 END), 0) FROM footage "
            + "WHERE (recorded_end + 28800000) / 86400000 = @day", new { day });
    }

    /// <summary>A dock's first custody entry: an <c>ingested</c> recording that ended at <paramref name="end"/>, docked at <paramref name="docked"/>.</summary>
    private static StoredEntry Entry(TestDock dock, DateTimeOffset end, DateTimeOffset docked)
    {
        var json = Encoding.UTF8.GetString(CustodyEntryCodec.Encode(new IngestedEntry(1, $"{dock.Agency}-R", "Acme", "BW-1", "DCIM/0001.MP4",
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), 4096, "R/0001.MP4",
            end.AddMinutes(-10), end, "metadata", docked - end > TimeSpan.FromDays(1)) { Dock = dock.DockId, Time = docked }));
        return new StoredEntry(0, json, MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json))), docked);
    }
}
