using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Witness;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Witness;

/// <summary>
/// Issue 8 item 3: a batch of entries may end at any size s below a cosigned size S, carrying an RFC 6962
/// consistency proof from (s, r(s)) to the checkpoint of size S the cloud cosigned (<c>cosignedSize</c>,
/// <c>consistencyProof</c>); anything that does not prove it is refused with a 4xx and stores nothing.
/// </summary>
public abstract class EntryPrefixTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task Batches_ending_between_cosigned_sizes_are_stored_with_a_consistency_proof_to_the_cosigned_checkpoint()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(10);
        var log = Tree(entries);
        Assert.Equal(HttpStatusCode.OK, (await AddCheckpointAsync(dock, 10, log)).StatusCode);

        var first = await PostAsync(dock, entries, 0, 4, 10, Proof(log, 4, 10));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, answer.GetProperty("stored").GetInt32());
        Assert.Equal(4, answer.GetProperty("size").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dock, entries, 4, 7, 10, Proof(log, 7, 10))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(dock, entries, 7, 10, null, null)).StatusCode);
        Assert.Equal(10, await EntryCountAsync(dock));
    }

    [VariantFact]
    public async Task A_forged_consistency_proof_is_422_and_stores_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(10);
        var log = Tree(entries);
        await AddCheckpointAsync(dock, 10, log);
        var forged = log.ConsistencyProof(4, 10).Select(h => (byte[])h.Clone()).ToList();
        forged[0][0] ^= 1;

        var response = await PostAsync(dock, entries, 0, 4, 10, forged.Select(Convert.ToBase64String).ToList());

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "does not verify");
        Assert.Equal(0, await EntryCountAsync(dock));
    }

    [VariantFact]
    public async Task Entries_that_do_not_give_the_proven_root_are_422_and_store_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(10);
        var log = Tree(entries);
        await AddCheckpointAsync(dock, 10, log);
        var tampered = entries.ToList();
        tampered[2] = tampered[2].Replace("\"size\":1002", "\"size\":9002", StringComparison.Ordinal);

        var response = await PostAsync(dock, tampered, 0, 4, 10, Proof(log, 4, 10));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "does not verify");
        Assert.Equal(0, await EntryCountAsync(dock));
    }

    [VariantFact]
    public async Task A_proof_to_a_size_the_cloud_never_cosigned_is_422_and_stores_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(10);
        var log = Tree(entries);
        await AddCheckpointAsync(dock, 10, log);

        var uncosigned = await PostAsync(dock, entries, 0, 4, 8, Proof(log, 4, 8));
        var smaller = await PostAsync(dock, entries, 0, 4, 3, []);

        await AssertRefusedAsync(uncosigned, HttpStatusCode.UnprocessableEntity, "No checkpoint of size 8 was cosigned");
        await AssertRefusedAsync(smaller, HttpStatusCode.UnprocessableEntity, "cosignedSize 3 is below");
        Assert.Equal(0, await EntryCountAsync(dock));
    }

    [VariantFact]
    public async Task A_proof_hash_that_is_not_32_bytes_of_base64_is_400_and_stores_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(10);
        var log = Tree(entries);
        await AddCheckpointAsync(dock, 10, log);

        var response = await PostAsync(dock, entries, 0, 4, 10, ["not base64!", .. Proof(log, 4, 10)]);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "consistencyProof[0]");
        Assert.Equal(0, await EntryCountAsync(dock));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, body, StringComparison.Ordinal);
    }

    private static List<string> Entries(int count) =>
        Enumerable.Range(0, count).Select(i => $"{{\"type\":\"ingested\",\"seq\":{i},\"size\":{1000 + i},\"sha256\":\"{new string('b', 64)}\"}}").ToList();

    private static MerkleTree Tree(IEnumerable<string> entries) =>
        new(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));

    private static List<string> Proof(MerkleTree log, long from, long to) =>
        log.ConsistencyProof(from, to).Select(Convert.ToBase64String).ToList();

    private static async Task<HttpResponseMessage> AddCheckpointAsync(TestDock dock, long size, MerkleTree log) =>
        await dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/witness/add-checkpoint"),
            Encoding.UTF8.GetBytes(new AddCheckpointRequest(0, [], dock.SignCheckpoint(size, log.RootHash(size))).Format()));

    private static async Task<HttpResponseMessage> PostAsync(
        TestDock dock, List<string> entries, int from, int to, long? cosignedSize, List<string>? proof)
    {
        var items = string.Join(",", Enumerable.Range(from, to - from).Select(i => $"{{\"index\":{i},\"entry\":{entries[i]}}}"));
        var body = cosignedSize is null
            ? $"{{\"entries\":[{items}]}}"
            : $"{{\"entries\":[{items}],\"cosignedSize\":{cosignedSize},\"consistencyProof\":{JsonSerializer.Serialize(proof)}}}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dock.DockId}/entries")
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };
        return await dock.SendAsync(request, Encoding.UTF8.GetBytes(body));
    }

    private Task<long> EntryCountAsync(TestDock dock) =>
        DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @id", new { id = dock.DockId });
}

public sealed class EntryPrefixTestsOnSqlite(SqliteHostFixture fixture) : EntryPrefixTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class EntryPrefixTestsOnPostgres(PostgresHostFixture fixture) : EntryPrefixTests(fixture), IClassFixture<PostgresHostFixture>;
