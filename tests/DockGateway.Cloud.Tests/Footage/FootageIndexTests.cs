using System.Net;
using System.Text;
using DockGateway.Cloud.Footage;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Witness;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DockGateway.Cloud.Tests.Footage;

/// <summary>
/// The footage index follows the custody entries a dock posts: an <c>ingested</c> entry becomes a row with the
/// dock's agency and the recorder's officer, its <c>uploaded</c> entry marks it, an entry type this version cannot
/// read is stored but not indexed, and entries stored before the index existed are indexed once at start.
/// </summary>
public abstract class FootageIndexTests(CloudHostFixture fixture)
{
    private static readonly DateTimeOffset RecordedStart = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private CloudTestHost Host => fixture.Host;

    private FootageStore Store => Host.Services.GetRequiredService<FootageStore>();

    [VariantFact]
    public async Task Ingested_and_uploaded_entries_index_the_file_with_its_agency_and_officer()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var serial = "BC-" + Guid.NewGuid().ToString("N")[..8];
        await Host.AddOfficerAsync(dock.Agency, "B-1");
        await Host.AddRecorderAsync(dock.Agency, serial, assignedBadge: "B-1");
        var sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        string[] entries =
        [
            Json(new InsertedEntry(1, serial, "Acme", "BW-1") { Dock = dock.DockId, Time = RecordedStart.AddHours(9) }),
            Json(Ingested(dock, serial, sha256)),
            """{"dock":"x","time":"2026-11-30T17:00:00Z","type":"a-kind-from-a-newer-dock"}""",
            Json(new UploadedEntry(1, sha256, 4096, "upload-1", "receipt") { Dock = dock.DockId, Time = RecordedStart.AddHours(10) }),
        ];

        var before = Host.Time.GetUtcNow().AddMilliseconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dock, entries)).StatusCode);
        var after = Host.Time.GetUtcNow();

        var record = Assert.Single(await Store.FindBySha256Async(sha256, CancellationToken.None));
        Assert.InRange(record.ReceivedAt, before, after);
        Assert.Equal(new FootageRecord(dock.DockId, 1, dock.Agency, sha256, 4096, serial, "B-1", "DCIM/0001.MP4",
            RecordedStart, RecordedStart.AddMinutes(30), RecordedStart.AddHours(9).AddSeconds(5), record.ReceivedAt, true, 3), record);
        Assert.Equal(4, await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @id", new { id = dock.DockId }));
    }

    [VariantFact]
    public async Task Entries_stored_before_the_index_existed_are_indexed_once_at_start()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var serial = "BC-" + Guid.NewGuid().ToString("N")[..8];
        var sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dock, [Json(Ingested(dock, serial, sha256))])).StatusCode);
        await ExecuteAsync("DELETE FROM footage WHERE dock_id = @id", new { id = dock.DockId });
        await ExecuteAsync("DELETE FROM footage_backfill", null);
        Assert.Empty(await Store.FindBySha256Async(sha256, CancellationToken.None));

        var backfill = Host.Services.GetServices<IHostedService>().OfType<FootageBackfill>().Single();
        await backfill.StartAsync(CancellationToken.None);
        await backfill.StartAsync(CancellationToken.None); // a second start finds the marker and adds nothing

        var record = Assert.Single(await Store.FindBySha256Async(sha256, CancellationToken.None));
        Assert.Equal((dock.DockId, 0L, serial, (string?)null), (record.DockId, record.EntryIndex, record.Recorder, record.OfficerBadge));
    }

    private static IngestedEntry Ingested(TestDock dock, string serial, string sha256) =>
        new(1, serial, "Acme", "BW-1", "DCIM/0001.MP4", sha256, 4096, $"{serial}/0001.MP4",
            RecordedStart, RecordedStart.AddMinutes(30), "metadata", Late: true)
        { Dock = dock.DockId, Time = RecordedStart.AddHours(9).AddSeconds(5) };

    private static string Json(CustodyEntry entry) => Encoding.UTF8.GetString(CustodyEntryCodec.Encode(entry));

    private static async Task<HttpResponseMessage> PostAsync(TestDock dock, string[] entries)
    {
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        var items = string.Join(",", entries.Select((e, i) => $"{{\"index\":{i},\"entry\":{e}}}"));
        var checkpoint = System.Text.Json.JsonSerializer.Serialize(dock.SignCheckpoint(entries.Length, log.RootHash()));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dock.DockId}/entries");
        return await dock.SendAsync(request, Encoding.UTF8.GetBytes($"{{\"entries\":[{items}],\"checkpoint\":{checkpoint}}}"));
    }

    private async Task ExecuteAsync(string sql, object? parameters)
    {
        await using var connection = await Host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }
}

public sealed class FootageIndexTestsOnSqlite(SqliteHostFixture fixture) : FootageIndexTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class FootageIndexTestsOnPostgres(PostgresHostFixture fixture) : FootageIndexTests(fixture), IClassFixture<PostgresHostFixture>;
