using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DockGateway.Cloud.Tests.Enrolment;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Crypto;
using DockGateway.Shared.Json;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Shared.Witness;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Xunit;

namespace DockGateway.Cloud.Tests.Witness;

public abstract class WitnessTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task First_checkpoint_is_cosigned_and_the_cosignature_verifies()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(3);
        var checkpoint = dock.SignCheckpoint(3, log.RootHash());
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], checkpoint));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = (await response.Content.ReadAsStringAsync()).TrimEnd('\n');
        var cosigned = SignedNote.Parse(checkpoint.TrimEnd('\n') + "\n" + line + "\n");
        var verifier = CosignatureVerifier.Parse(dock.WitnessKey);
        var signature = cosigned.Signatures.Single(s => s.KeyName == verifier.Name);
        Assert.True(verifier.Verify(cosigned.Text, signature, out var time));
        Assert.Equal(Host.Time.GetUtcNow().ToUnixTimeSeconds(), time);
    }

    [VariantFact]
    public async Task Growth_with_a_valid_consistency_proof_is_cosigned()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(10);
        Assert.Equal(HttpStatusCode.OK, (await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(4, log.RootHash(4))))).StatusCode);
        var grown = await AddCheckpointAsync(dock, new AddCheckpointRequest(4, log.ConsistencyProof(4, 10), dock.SignCheckpoint(10, log.RootHash(10))));
        Assert.Equal(HttpStatusCode.OK, grown.StatusCode);
        Assert.Equal(10, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task Stale_old_size_is_409_with_the_current_size()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(8);
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(5, log.RootHash(5))));
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(3, log.ConsistencyProof(3, 8), dock.SignCheckpoint(8, log.RootHash(8))));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/x.tlog.size", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(5, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task Checkpoint_signed_by_another_key_is_403_and_kept_as_evidence()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var forger = Ed25519PrivateKey.Generate();
        var log = Log(2);
        var forged = new NoteSigner(dock.Origin, forger).SignNote(new Checkpoint(dock.Origin, 2, log.RootHash()).ToBody()).ToString();
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], forged));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await LatestSizeAsync(dock));
        Assert.Equal(1, await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM witness_rejections WHERE origin = @origin", new { origin = dock.Origin }));
    }

    [VariantFact]
    public async Task Bad_consistency_proof_is_422_and_changes_nothing()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(6);
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(3, log.RootHash(3))));
        var forked = Log(6, salt: "fork");
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(3, forked.ConsistencyProof(3, 6), dock.SignCheckpoint(6, forked.RootHash(6))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(3, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task Old_zero_with_a_proof_is_422_and_old_beyond_size_is_400()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(4);
        var withProof = await AddCheckpointAsync(dock, new AddCheckpointRequest(0, log.ConsistencyProof(2, 4), dock.SignCheckpoint(4, log.RootHash())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withProof.StatusCode);
        var beyond = await AddCheckpointAsync(dock, new AddCheckpointRequest(5, [], dock.SignCheckpoint(4, log.RootHash())));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal(0, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task Same_size_with_a_different_root_is_422()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(4, Log(4).RootHash())));
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(4, [], dock.SignCheckpoint(4, Log(4, "other").RootHash())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [VariantFact]
    public async Task Malformed_request_is_400_and_entries_for_another_dock_are_403()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var other = await TestDock.EnrolAsync(Host);
        var malformed = await dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/witness/add-checkpoint"), Encoding.UTF8.GetBytes("old x\n\nnonsense"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        var foreign = await PostEntriesAsync(dock, Entries(1), 0, dockId: other.DockId);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(0, await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @id", new { id = other.DockId }));
    }

    [VariantFact]
    public async Task Checkpoint_for_another_docks_origin_is_403()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var other = await TestDock.EnrolAsync(Host);
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], other.SignCheckpoint(1, Log(1).RootHash())));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await LatestSizeAsync(other));
    }

    [VariantFact]
    public async Task Unknown_origin_is_404()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var origin = "nobody.docks.dockgateway.local/dock-0000000000000000";
        var note = new NoteSigner(origin, dock.Key).SignNote(new Checkpoint(origin, 1, Log(1).RootHash()).ToBody()).ToString();
        var response = await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], note));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [VariantFact]
    public async Task Entries_matching_the_cosigned_root_are_stored_and_readable_by_an_auditor()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(5);
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(5, log.RootHash())));
        var posted = await PostEntriesAsync(dock, entries, 0);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(5, (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());

        var auditor = await Host.CreateTokenAsync("auditor", dock.Agency);
        using var client = Host.Client(auditor);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/docks/{dock.DockId}/entries");
        Assert.Equal(5, list.GetArrayLength());
        Assert.Equal("ingested", list[2].GetProperty("entry").GetProperty("type").GetString());
        var checkpoints = await client.GetFromJsonAsync<JsonElement>($"/api/v1/docks/{dock.DockId}/checkpoints");
        Assert.Equal(5, checkpoints[0].GetProperty("size").GetInt64());
        Assert.True(await DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM access_log WHERE resource LIKE @r", new { r = $"%{dock.DockId}%" }) >= 2);

        var elsewhere = TestDock.NewAgencyCode();
        await TestDock.CreateAgencyAsync(Host, elsewhere);
        var stranger = await Host.CreateTokenAsync("auditor", elsewhere);
        using var other = Host.Client(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/docks/{dock.DockId}/entries")).StatusCode);
    }

    [VariantFact]
    public async Task Entries_that_do_not_give_the_cosigned_root_are_422_and_not_stored()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(4);
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(4, log.RootHash())));
        var tampered = entries.ToList();
        tampered[1] = tampered[1].Replace("\"size\":1001", "\"size\":1002", StringComparison.Ordinal);
        var response = await PostEntriesAsync(dock, tampered, 0);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await EntryCountAsync(dock));
    }

    [VariantFact]
    public async Task Entries_with_their_signed_checkpoint_are_cosigned_and_stored_together()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var entries = Entries(3);
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        var response = await PostEntriesAsync(dock, entries, 0, dock.SignCheckpoint(3, log.RootHash()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("— witness.dockgateway.local ", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cosignature").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await EntryCountAsync(dock));
        Assert.Equal(3, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task Checkpoints_refused_on_the_entries_path_are_kept_as_evidence()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        using var forger = Ed25519PrivateKey.Generate();
        var entries = Entries(3);
        var log = new MerkleTree(entries.Select(e => MerkleHash.Leaf(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(e)))));
        var forged = new NoteSigner(dock.Origin, forger).SignNote(new Checkpoint(dock.Origin, 3, log.RootHash()).ToBody()).ToString();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostEntriesAsync(dock, entries, 0, forged)).StatusCode);
        Assert.Equal(1, await RejectionCountAsync(dock));

        // A fork: the cloud cosigned size 2 of another history; the dock's own checkpoint at 3 cannot extend it.
        await AddCheckpointAsync(dock, new AddCheckpointRequest(0, [], dock.SignCheckpoint(2, Log(2, "fork").RootHash())));
        var response = await PostEntriesAsync(dock, entries, 0, dock.SignCheckpoint(3, log.RootHash()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not consistent with the cosigned checkpoint of size 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await RejectionCountAsync(dock));
        Assert.Equal(0, await EntryCountAsync(dock));
        Assert.Equal(2, await LatestSizeAsync(dock));
    }

    [VariantFact]
    public async Task A_resent_cosigned_checkpoint_gets_the_stored_cosignature()
    {
        using var dock = await TestDock.EnrolAsync(Host);
        var log = Log(3);
        var request = new AddCheckpointRequest(0, [], dock.SignCheckpoint(3, log.RootHash()));
        var first = await (await AddCheckpointAsync(dock, request)).Content.ReadAsStringAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await AddCheckpointAsync(dock, new AddCheckpointRequest(3, [], request.SignedCheckpoint));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, await again.Content.ReadAsStringAsync());
        Assert.Equal(0, await RejectionCountAsync(dock));
    }

    private static List<string> Entries(int count) =>
        Enumerable.Range(0, count).Select(i => $"{{\"type\":\"ingested\",\"seq\":{i},\"size\":{1000 + i},\"sha256\":\"{new string('a', 64)}\"}}").ToList();

    private static MerkleTree Log(int size, string salt = "")
    {
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.Append(Encoding.UTF8.GetBytes($"entry {i}{salt}"));
        }
        return tree;
    }

    private static async Task<HttpResponseMessage> AddCheckpointAsync(TestDock dock, AddCheckpointRequest request) =>
        await dock.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/witness/add-checkpoint"), Encoding.UTF8.GetBytes(request.Format()));

    private static async Task<HttpResponseMessage> PostEntriesAsync(
        TestDock dock, IReadOnlyList<string> entries, long from, string? checkpoint = null, string? dockId = null)
    {
        var items = string.Join(",", entries.Select((e, i) => $"{{\"index\":{from + i},\"entry\":{e}}}"));
        var body = checkpoint is null
            ? $"{{\"entries\":[{items}]}}"
            : $"{{\"entries\":[{items}],\"checkpoint\":{JsonSerializer.Serialize(checkpoint)}}}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/docks/{dockId ?? dock.DockId}/entries")
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };
        return await dock.SendAsync(request, Encoding.UTF8.GetBytes(body));
    }

    private Task<long> LatestSizeAsync(TestDock dock) =>
        DockDatabase.ScalarAsync(Host, "SELECT COALESCE(MAX(size), 0) FROM witness_latest WHERE origin = @origin", new { origin = dock.Origin });

    private Task<long> RejectionCountAsync(TestDock dock) =>
        DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM witness_rejections WHERE origin = @origin", new { origin = dock.Origin });

    private Task<long> EntryCountAsync(TestDock dock) =>
        DockDatabase.ScalarAsync(Host, "SELECT COUNT(*) FROM custody_entries WHERE dock_id = @id", new { id = dock.DockId });
}

public sealed class WitnessTestsOnSqlite(SqliteHostFixture fixture) : WitnessTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class WitnessTestsOnPostgres(PostgresHostFixture fixture) : WitnessTests(fixture), IClassFixture<PostgresHostFixture>;
