using System.Net;
using System.Text;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Uploads;

/// <summary>
/// Uploads a crash left with every byte received but not completed (offset = length, completed_at
/// unset), in each state the blob store can be in, are finished by HEAD, PATCH or the start-up pass.
/// </summary>
public abstract class UploadRecoveryTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    private IBlobStore Blobs => Host.Services.GetRequiredService<IBlobStore>();

    [VariantFact]
    public async Task Head_finishes_an_upload_whose_full_partial_was_never_moved()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 21);
        var location = await FullButUnfinishedAsync(dock, file);

        var head = await dock.SendAsync(Head(location));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        AssertReceipt(dock, head, file);
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
        Assert.Null(Blobs.PartialLength(Id(location)));
    }

    [VariantFact]
    public async Task Head_finishes_an_upload_whose_partial_was_already_moved_under_its_hash()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 22);
        var location = await FullButUnfinishedAsync(dock, file);
        await Blobs.CommitAsync(Id(location), Sha256Hex(file), CancellationToken.None);

        AssertReceipt(dock, await dock.SendAsync(Head(location)), file);
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
    }

    [VariantFact]
    public async Task Head_finishes_an_upload_whose_partial_and_blob_are_both_there()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 23);
        var location = await FullButUnfinishedAsync(dock, file);
        await fixture.StoredBlobs.PlantAsync(Sha256Hex(file), file);

        AssertReceipt(dock, await dock.SendAsync(Head(location)), file);
        Assert.Null(Blobs.PartialLength(Id(location)));
    }

    [VariantFact]
    public async Task An_upload_whose_bytes_are_gone_goes_back_to_offset_0_and_can_be_sent_again()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 24);
        var location = await FullButUnfinishedAsync(dock, file);
        await Blobs.DeletePartialAsync(Id(location), CancellationToken.None);

        var head = await dock.SendAsync(Head(location));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(0, Offset(head));
        Assert.False(head.Headers.Contains("Upload-Receipt"));
        var resent = await dock.SendAsync(Patch(location, 0, file), file);
        AssertReceipt(dock, resent, file);
    }

    [VariantFact]
    public async Task Patch_at_the_end_finishes_a_full_upload()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 25);
        var location = await FullButUnfinishedAsync(dock, file);

        var patch = await dock.SendAsync(Patch(location, file.Length), []);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        AssertReceipt(dock, patch, file);
    }

    [VariantFact]
    public async Task A_full_partial_with_the_wrong_bytes_is_deleted_not_completed()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 26);
        var location = await FullButUnfinishedAsync(dock, file, stored: Bytes(70_000, 27));

        Assert.Equal(HttpStatusCode.NotFound, (await dock.SendAsync(Head(location))).StatusCode);
        Assert.Null(await ReadBlobAsync(Sha256Hex(file)));
        Assert.Null(Blobs.PartialLength(Id(location)));
    }

    [VariantFact]
    public async Task The_start_up_pass_finishes_full_uploads_before_the_dock_asks()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(70_000, 28);
        var location = await FullButUnfinishedAsync(dock, file);

        var recovery = Host.Services.GetServices<IHostedService>().OfType<UploadRecovery>().Single();
        Assert.True(await recovery.RecoverAsync(CancellationToken.None) >= 1);

        var upload = await Host.Services.GetRequiredService<IUploadStore>().FindAsync(Id(location), CancellationToken.None);
        Assert.True(upload!.IsComplete);
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
        AssertReceipt(dock, await dock.SendAsync(Head(location)), file);
    }

    /// <summary>Creates an upload and leaves it as a cloud killed after its last offset commit would: every byte in the partial, not completed.</summary>
    private async Task<string> FullButUnfinishedAsync(TestDock dock, byte[] file, byte[]? stored = null)
    {
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        await using (var partial = await Blobs.OpenPartialAsync(Id(location), 0, CancellationToken.None))
        {
            await partial.WriteAsync(stored ?? file, 0);
            await partial.FlushDurablyAsync(CancellationToken.None);
        }

        var store = Host.Services.GetRequiredService<IUploadStore>();
        Assert.True(await store.TryAdvanceAsync(Id(location), 0, file.Length, Host.Time.GetUtcNow().AddHours(1), "another-instance", CancellationToken.None));
        return location;
    }

    private static void AssertReceipt(TestDock dock, HttpResponseMessage response, byte[] file)
    {
        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        Assert.Equal(file.Length, Offset(response));
        var note = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("Upload-Receipt").Single()));
        Assert.Contains($"sha256 {Sha256Hex(file)}\n", NoteVerification.Open(note, [NoteVerifier.Parse(dock.ReceiptKey)]).Text, StringComparison.Ordinal);
    }

    private async Task<byte[]?> ReadBlobAsync(string sha256)
    {
        await using var stream = Blobs.OpenRead(sha256);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string Id(string location) => location.Split('/')[^1];

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

public sealed class UploadRecoveryTestsOnSqlite(SqliteHostFixture fixture) : UploadRecoveryTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class UploadRecoveryTestsOnPostgres(PostgresHostFixture fixture) : UploadRecoveryTests(fixture), IClassFixture<PostgresHostFixture>;

/// <summary>The same recoveries with the footage in a real S3-compatible server (s3rver).</summary>
[VariantNeeds(Needs.S3rver)]
public sealed class UploadRecoveryTestsOnS3(S3HostFixture fixture) : UploadRecoveryTests(fixture), IClassFixture<S3HostFixture>;
