using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Cloud.Uploads;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.Uploads;

public abstract class TusUploadTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Options_advertises_version_extensions_max_size_and_sha256()
    {
        using var client = Host.Client();
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/uploads/"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("creation,checksum,termination,expiration", response.Headers.GetValues("Tus-Extension").Single());
        Assert.Equal("sha256", response.Headers.GetValues("Tus-Checksum-Algorithm").Single());
        Assert.True(long.Parse(response.Headers.GetValues("Tus-Max-Size").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [VariantFact]
    public async Task File_uploaded_in_checksummed_chunks_is_stored_and_receipted()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(300_000, 1);
        var location = await CreateAsync(dock, file, entry: 7);
        var first = await dock.SendAsync(Patch(location, 0, file[..100_000]), file[..100_000]);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(100_000, Offset(first));
        Assert.True(first.Headers.Contains("Upload-Expires"));
        var last = await dock.SendAsync(Patch(location, 100_000, file[100_000..]), file[100_000..]);
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal(file.Length, Offset(last));

        var note = Encoding.UTF8.GetString(Convert.FromBase64String(last.Headers.GetValues("Upload-Receipt").Single()));
        var receipt = NoteVerification.Open(note, [NoteVerifier.Parse(dock.ReceiptKey)]);
        Assert.Contains($"sha256 {Sha256Hex(file)}\n", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("entry 7\n", receipt.Text, StringComparison.Ordinal);
        Assert.Contains($"dock {dock.DockId}\n", receipt.Text, StringComparison.Ordinal);

        var json = await (await dock.SendAsync(new HttpRequestMessage(HttpMethod.Get, location + "/receipt") { Headers = { { "Tus-Resumable", "1.0.0" } } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Sha256Hex(file), json.GetProperty("sha256").GetString());
        Assert.Equal(300_000, json.GetProperty("size").GetInt64());
        Assert.False(json.GetProperty("duplicate").GetBoolean());
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
        Assert.Equal(file, await fixture.StoredBlobs.ReadAsync(Sha256Hex(file)));
    }

    [VariantFact]
    public async Task Interrupted_patch_resumes_at_the_stored_offset()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(200_000, 2);
        var location = await CreateAsync(dock, file);
        await SendCutOffPatchAsync(dock, location, 0, file, sent: 80_000);

        long offset = -1;
        for (var i = 0; i < 50 && offset != 80_000; i++)
        {
            await Task.Delay(100);
            offset = Offset(await dock.SendAsync(Head(location)));
        }
        Assert.Equal(80_000, offset);

        var rest = file[80_000..];
        var resumed = await dock.SendAsync(Patch(location, 80_000, rest), rest);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
    }

    [VariantFact]
    public async Task Chunk_with_a_wrong_checksum_is_460_and_discarded()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(50_000, 3);
        var location = await CreateAsync(dock, file);
        var request = Patch(location, 0, checksumBytes: Bytes(10, 99));
        var response = await dock.SendAsync(request, file[..20_000]);
        Assert.Equal(460, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, Offset(await dock.SendAsync(Head(location))));
    }

    [VariantFact]
    public async Task Offset_mismatch_is_409()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(50_000, 4);
        var location = await CreateAsync(dock, file);
        var response = await dock.SendAsync(Patch(location, 10), file[10..20]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, Offset(await dock.SendAsync(Head(location))));
    }

    [VariantFact]
    public async Task File_whose_full_hash_differs_from_the_declared_one_is_rejected_and_deleted()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(40_000, 5);
        var declared = Sha256Hex(Bytes(40_000, 6));
        var created = await dock.SendAsync(Create(file.Length, Metadata(declared, file.Length, 1)));
        var location = created.Headers.Location!.ToString();
        var response = await dock.SendAsync(Patch(location, 0, file), file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dock.SendAsync(Head(location))).StatusCode);
        Assert.Null(await ReadBlobAsync(declared));
        Assert.Null(await ReadBlobAsync(Sha256Hex(file)));
        Assert.Equal(0, await fixture.StoredBlobs.CopiesAsync(declared));
        Assert.Equal(0, await fixture.StoredBlobs.CopiesAsync(Sha256Hex(file)));
        Assert.False(File.Exists(Path.Combine(BlobRoot, "partial", location.Split('/')[^1])));
    }

    [VariantFact]
    public async Task File_already_stored_is_acknowledged_at_creation_without_a_second_copy()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(30_000, 7);
        var location = await CreateAsync(dock, file);
        Assert.Equal(HttpStatusCode.NoContent, (await dock.SendAsync(Patch(location, 0, file), file)).StatusCode);

        var again = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 2)));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(file.Length, Offset(again));
        var note = Encoding.UTF8.GetString(Convert.FromBase64String(again.Headers.GetValues("Upload-Receipt").Single()));
        Assert.Contains("duplicate true\n", NoteVerification.Open(note, [NoteVerifier.Parse(dock.ReceiptKey)]).Text, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.StoredBlobs.CopiesAsync(Sha256Hex(file)));
        Assert.Empty(Directory.GetFiles(Path.Combine(BlobRoot, "partial"), again.Headers.Location!.ToString().Split('/')[^1]));
    }

    [VariantFact]
    public async Task Another_agency_offering_only_the_sha256_gets_a_fresh_upload_and_no_receipt_until_it_sends_the_bytes()
    {
        using var owner = await TestDock.EnrolAsync(Host);
        using var other = await TestDock.EnrolAsync(Host);
        var file = System.Security.Cryptography.RandomNumberGenerator.GetBytes(30_000);
        var location = await CreateAsync(owner, file);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(Patch(location, 0, file), file)).StatusCode);
        var unknown = await other.SendAsync(Create(file.Length, Metadata(Sha256Hex(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), file.Length, 3)));

        var offered = await other.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 3)));

        // Answered exactly as for a file nobody holds: no oracle, no receipt for bytes never sent.
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        Assert.Equal(0, Offset(offered));
        Assert.False(offered.Headers.Contains("Upload-Receipt"));
        Assert.Equal(unknown.Headers.Select(h => h.Key).Order(), offered.Headers.Select(h => h.Key).Order());
        var otherLocation = offered.Headers.Location!.ToString();

        var wrong = await other.SendAsync(Patch(otherLocation, 0, new byte[file.Length]), new byte[file.Length]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Upload-Receipt"));
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));

        var again = await other.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 3)));
        Assert.Equal(0, Offset(again));
        var sent = await other.SendAsync(Patch(again.Headers.Location!.ToString(), 0, file), file);
        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
        var note = Encoding.UTF8.GetString(Convert.FromBase64String(sent.Headers.GetValues("Upload-Receipt").Single()));
        var receipt = NoteVerification.Open(note, [NoteVerifier.Parse(other.ReceiptKey)]).Text;
        Assert.Contains($"dock {other.DockId}\n", receipt, StringComparison.Ordinal);
        Assert.Contains("duplicate false\n", receipt, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.StoredBlobs.CopiesAsync(Sha256Hex(file)));
        Assert.Equal(file, await ReadBlobAsync(Sha256Hex(file)));
    }

    [VariantFact]
    public async Task Terminated_upload_is_gone_with_its_partial()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(30_000, 8);
        var location = await CreateAsync(dock, file);
        await dock.SendAsync(Patch(location, 0, file[..1000]), file[..1000]);
        var deleted = await dock.SendAsync(Delete(location));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dock.SendAsync(Head(location))).StatusCode);
        Assert.False(File.Exists(Path.Combine(BlobRoot, "partial", location.Split('/')[^1])));
    }

    [VariantFact]
    public async Task Expired_upload_is_410_and_swept()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(30_000, 9);
        var created = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1)));
        Assert.True(created.Headers.Contains("Upload-Expires"));
        var location = created.Headers.Location!.ToString();
        await dock.SendAsync(Patch(location, 0, file[..1000]), file[..1000]);

        Host.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(HttpStatusCode.Gone, (await dock.SendAsync(Head(location))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await dock.SendAsync(Patch(location, 1000), file[1000..2000])).StatusCode);
        await Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ExpiredUploadSweeper>().Single()
            .SweepAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await dock.SendAsync(Head(location))).StatusCode);
        Assert.False(File.Exists(Path.Combine(BlobRoot, "partial", location.Split('/')[^1])));
    }

    [VariantFact]
    public async Task Request_without_Tus_Resumable_is_412_and_creates_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var file = Bytes(1000, 10);
        var response = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, 1), tusResumable: false));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        Assert.Equal(0, await UploadCountAsync(dock.DockId));
    }

    [VariantFact]
    public async Task Empty_file_is_stored_and_receipted_at_creation()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var response = await dock.SendAsync(Create(0, Metadata(Sha256Hex([]), 0, 3)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, Offset(response));
        Assert.True(response.Headers.Contains("Upload-Receipt"));
        var blob = await ReadBlobAsync(Sha256Hex([]));
        Assert.NotNull(blob);
        Assert.Empty(blob);
    }

    [VariantFact]
    public async Task Metadata_without_sha256_is_a_problem_naming_the_key()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var response = await dock.SendAsync(Create(10, "size MTA=,entry MQ=="));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'sha256'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await UploadCountAsync(dock.DockId));
    }

    private string BlobRoot => Path.Combine(Host.Directory, "data", "blobs");

    private static async Task<string> CreateAsync(TestDock dock, byte[] file, long entry = 1)
    {
        var response = await dock.SendAsync(Create(file.Length, Metadata(Sha256Hex(file), file.Length, entry)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        return response.Headers.Location!.ToString();
    }

    private async Task<byte[]?> ReadBlobAsync(string sha256)
    {
        await using var stream = Host.Services.GetRequiredService<IBlobStore>().OpenRead(sha256);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<long> UploadCountAsync(string dockId) =>
        await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM uploads WHERE dock_id = @dockId", new { dockId });

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

public sealed class TusUploadTestsOnSqlite(SqliteHostFixture fixture) : TusUploadTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class TusUploadTestsOnPostgres(PostgresHostFixture fixture) : TusUploadTests(fixture), IClassFixture<PostgresHostFixture>;

/// <summary>The same uploads with the footage in a real S3-compatible server (s3rver).</summary>
[VariantNeeds(Needs.S3rver)]
public sealed class TusUploadTestsOnS3(S3HostFixture fixture) : TusUploadTests(fixture), IClassFixture<S3HostFixture>;
