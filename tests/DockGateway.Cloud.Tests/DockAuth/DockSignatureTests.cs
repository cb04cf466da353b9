using System.Net;
using System.Text;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Http;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;
using static DockGateway.Cloud.Tests.Uploads.TusRequests;

namespace DockGateway.Cloud.Tests.DockAuth;

/// <summary>RFC 9421 dock signatures, driven through tus creation (a write that is easy to count)
/// and the witness (a buffered body).</summary>
public abstract class DockSignatureTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Correctly_signed_request_is_accepted_and_marks_the_dock_seen()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        Host.Time.Advance(TimeSpan.FromSeconds(11));
        var response = await dock.SendAsync(NewUpload());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await UploadCountAsync(dock));
        var lastSeen = await DockDatabase.ScalarAsync(Host, "SELECT last_seen_at FROM docks WHERE id = @id", new { id = dock.DockId });
        Assert.Equal(Host.Time.GetUtcNow().ToUnixTimeMilliseconds(), lastSeen);
    }

    [VariantFact]
    public async Task Stale_signature_is_401_and_writes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var response = await dock.SendAsync(NewUpload(), time: new OffsetTime(Host.Time, TimeSpan.FromMinutes(-6)));
        await AssertRefusedAsync(dock, response, "ago");
    }

    [VariantFact]
    public async Task Future_dated_signature_is_401_and_writes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var response = await dock.SendAsync(NewUpload(), time: new OffsetTime(Host.Time, TimeSpan.FromMinutes(2)));
        await AssertRefusedAsync(dock, response, "");
    }

    [VariantFact]
    public async Task Replayed_signature_is_401_and_writes_nothing_more()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var original = NewUpload();
        original.RequestUri = new Uri(Host.BaseAddress, original.RequestUri!);
        original.Content = new ByteArrayContent([]);
        dock.Signer().Sign(original, []);
        var copy = new HttpRequestMessage(HttpMethod.Post, original.RequestUri) { Content = new ByteArrayContent([]) };
        foreach (var header in original.Headers) // the same request again, byte for byte (the tus headers are signed too)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(original)).StatusCode);
        var replay = await client.SendAsync(copy);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await UploadCountAsync(dock));
    }

    [VariantFact]
    public async Task Unknown_keyid_is_401()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var stranger = Ed25519PrivateKey.Generate();
        var request = NewUpload();
        request.RequestUri = new Uri(Host.BaseAddress, request.RequestUri!);
        request.Content = new ByteArrayContent([]);
        new HttpRequestSigner("dock-00000000deadbeef", stranger, Host.Time).Sign(request, []);
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        await AssertRefusedAsync(dock, response, "not an enrolled dock");
    }

    [VariantFact]
    public async Task Signature_by_another_key_under_the_docks_keyid_is_401()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var stranger = Ed25519PrivateKey.Generate();
        var request = NewUpload();
        request.RequestUri = new Uri(Host.BaseAddress, request.RequestUri!);
        request.Content = new ByteArrayContent([]);
        new HttpRequestSigner(dock.DockId, stranger, Host.Time).Sign(request, []);
        using var client = new HttpClient();
        await AssertRefusedAsync(dock, await client.SendAsync(request), "");
    }

    [VariantFact]
    public async Task Body_changed_after_signing_is_401_and_writes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var signedBody = Encoding.UTF8.GetBytes("{\"entries\":[]}");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseAddress, $"/api/v1/docks/{dock.DockId}/entries"));
        dock.Signer().Sign(request, signedBody);
        request.Content = new StringContent("{\"entries\":[{\"index\":0,\"entry\":{\"a\":1}}]}", Encoding.UTF8, "application/json");
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Content-Digest", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @id", new { id = dock.DockId }));
    }

    [VariantFact]
    public async Task Streamed_chunk_changed_after_signing_is_401_and_discarded()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var created = await dock.SendAsync(NewUpload());
        var location = created.Headers.Location!.ToString();
        var request = Patch(location, 0);
        request.RequestUri = new Uri(Host.BaseAddress, location);
        dock.Signer().Sign(request, new byte[30]);
        request.Content = new ByteArrayContent(Enumerable.Repeat((byte)1, 30).ToArray());
        request.Content.Headers.ContentType = new("application/offset+octet-stream");
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Offset(await dock.SendAsync(Head(location))));
    }

    [VariantFact]
    public async Task Signature_over_a_different_path_is_401_and_writes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var request = NewUpload();
        request.RequestUri = new Uri(Host.BaseAddress, "/api/v1/witness/add-checkpoint");
        request.Content = new ByteArrayContent([]);
        dock.Signer().Sign(request, []);
        request.RequestUri = new Uri(Host.BaseAddress, "/api/v1/uploads/");
        using var client = new HttpClient();
        await AssertRefusedAsync(dock, await client.SendAsync(request), "");
    }

    [VariantFact]
    public async Task Upload_metadata_changed_in_flight_is_401_and_writes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var sha = Sha256Hex(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));
        var request = Create(36, Metadata(sha, 36, 1));
        request.RequestUri = new Uri(Host.BaseAddress, request.RequestUri!);
        request.Content = new ByteArrayContent([]);
        dock.Signer().Sign(request, []);
        request.Headers.Remove("Upload-Metadata");
        request.Headers.Add("Upload-Metadata", Metadata(sha, 36, 999)); // another custody entry named in the receipt
        using var client = new HttpClient();
        await AssertRefusedAsync(dock, await client.SendAsync(request), "");
    }

    [VariantFact]
    public async Task Tus_header_left_out_of_the_signature_is_401_naming_it()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var client = new HttpClient();
        string[] tus = ["Tus-Resumable", "Upload-Length", "Upload-Metadata"];
        var uncovered = new List<(string Header, string[] Covered)> { ("Tus-Resumable", []) }; // the profile before the tus headers were covered
        uncovered.AddRange(tus.Select(h => (h, tus.Where(c => c != h).ToArray())));
        foreach (var (header, covered) in uncovered)
        {
            var request = NewUpload();
            SignWith(dock, request, covered, nonce: Guid.NewGuid().ToString("N"));
            await AssertRefusedAsync(dock, await client.SendAsync(request), $"'{header.ToLowerInvariant()}'");
        }
    }

    [VariantFact]
    public async Task Signature_without_a_nonce_is_401()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dock.DockId}/entries");
        SignWith(dock, request, [], nonce: null, Encoding.UTF8.GetBytes("{\"entries\":[]}")); // a request with no tus header: only the nonce is missing
        using var client = new HttpClient();
        await AssertRefusedAsync(dock, await client.SendAsync(request), "nonce");
    }

    [VariantFact]
    public async Task Unsigned_request_is_401()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var client = Host.Client();
        await AssertRefusedAsync(dock, await client.SendAsync(NewUpload()), "Signature");
    }

    private static HttpRequestMessage NewUpload()
    {
        var sha = Sha256Hex(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));
        return Create(36, Metadata(sha, 36, 1));
    }

    /// <summary>Signs by hand, covering @method, @target-uri, content-digest and the named headers, with or without a nonce.</summary>
    private void SignWith(TestDock dock, HttpRequestMessage request, string[] headers, string? nonce, byte[]? body = null)
    {
        body ??= [];
        request.RequestUri = new Uri(Host.BaseAddress, request.RequestUri!);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new("application/json");
        var digest = ContentDigest.Sha256(body);
        var components = new List<(string Name, string Value)>
        {
            ("@method", request.Method.Method), ("@target-uri", request.RequestUri.AbsoluteUri), ("content-digest", digest),
        };
        components.AddRange(headers.Select(h => (h.ToLowerInvariant(), string.Join(", ", request.Headers.GetValues(h)))));
        var parameters = SignatureBase.SignatureParams(components.Select(c => c.Name), Host.Time.GetUtcNow().ToUnixTimeSeconds(), dock.DockId, "ed25519", nonce);
        var signature = dock.Key.Sign(Encoding.UTF8.GetBytes(SignatureBase.Build(components, parameters)));
        request.Headers.TryAddWithoutValidation("Content-Digest", digest);
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + parameters);
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Convert.ToBase64String(signature)}:");
    }

    private async Task AssertRefusedAsync(TestDock dock, HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await UploadCountAsync(dock));
    }

    private Task<long> UploadCountAsync(TestDock dock) =>
        DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM uploads WHERE dock_id = @id", new { id = dock.DockId });

    private sealed class OffsetTime(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;
    }
}

public sealed class DockSignatureTestsOnSqlite(SqliteHostFixture fixture) : DockSignatureTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class DockSignatureTestsOnPostgres(PostgresHostFixture fixture) : DockSignatureTests(fixture), IClassFixture<PostgresHostFixture>;
