using System.Net;
using DockGateway.Cloud.DockAuth;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// A PATCH's signature is recorded against replay in the transaction that advances its upload's offset (one durable
/// commit per chunk): a replay is refused before its body is read, and one that slipped past that check (recorded by a
/// concurrent request meanwhile) is refused by the commit itself, which then changes nothing.
/// </summary>
public abstract class ReplayInOffsetCommitTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task A_replayed_patch_is_401_and_the_offset_stays()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(100_000, 41);
        var location = await CreateAsync(dock, file);
        var chunk = file[..40_000];
        var original = Patch(location, 0);
        original.RequestUri = new Uri(Host.BaseAddress, location);
        original.Content = new ByteArrayContent(chunk);
        original.Content.Headers.ContentType = new("application/offset+octet-stream");
        dock.Signer().Sign(original, chunk);
        var copy = new HttpRequestMessage(HttpMethod.Patch, original.RequestUri) { Content = new ByteArrayContent(chunk) };
        copy.Content.Headers.ContentType = new("application/offset+octet-stream");
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(original)).StatusCode);
        var replay = await client.SendAsync(copy);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(40_000, Offset(await dock.SendAsync(Head(location))));
        Assert.Equal(40_000, Host.Services.GetRequiredService<IBlobStore>().PartialLength(Id(location)));
    }

    [VariantFact]
    public async Task An_offset_commit_whose_signature_was_recorded_meanwhile_changes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(50_000, 42);
        var id = Id(await CreateAsync(dock, file));
        var store = Host.Services.GetRequiredService<IUploadStore>();
        var replays = Host.Services.GetRequiredService<IReplayCache>();
        var now = Host.Time.GetUtcNow();
        var nonce = "nonce:" + Guid.NewGuid().ToString("N");
        Assert.True(await replays.TryRecordAsync(dock.DockId, nonce, now, now.AddMinutes(-10), CancellationToken.None)); // the racing request

        var raced = new PendingReplay(dock.DockId, nonce, now);
        Assert.Equal(UploadAdvance.Replayed, await store.TryAdvanceAsync(id, 0, 10_000, now.AddHours(1), "this-instance", raced, CancellationToken.None));
        Assert.Equal(0, (await store.FindAsync(id, CancellationToken.None))!.Offset);

        var fresh = new PendingReplay(dock.DockId, "nonce:" + Guid.NewGuid().ToString("N"), now);
        Assert.False(await replays.SeenAsync(dock.DockId, fresh.ReplayKey, now.AddMinutes(-10), CancellationToken.None));
        Assert.Equal(UploadAdvance.Advanced, await store.TryAdvanceAsync(id, 0, 10_000, now.AddHours(1), "this-instance", fresh, CancellationToken.None));
        Assert.True(fresh.Recorded);
        Assert.Equal(10_000, (await store.FindAsync(id, CancellationToken.None))!.Offset);
        Assert.True(await replays.SeenAsync(dock.DockId, fresh.ReplayKey, now.AddMinutes(-10), CancellationToken.None));
    }

    private static async Task<string> CreateAsync(TestDock dock, byte[] file)
    {
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private static string Id(string location) => location.Split('/')[^1];

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

public sealed class ReplayInOffsetCommitTestsOnSqlite(SqliteHostFixture fixture) : ReplayInOffsetCommitTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class ReplayInOffsetCommitTestsOnPostgres(PostgresHostFixture fixture) : ReplayInOffsetCommitTests(fixture), IClassFixture<PostgresHostFixture>;
