using System.Net;
using System.Text.Json;
using Dapper;
using DockGateway.Cloud.Storage;
using DockGateway.Cloud.Tests.Hosting;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Testing;
using DockGateway.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DockGateway.Cloud.Tests.Console;

/// <summary>
/// The custody endpoints the console's Custody and Verify pages read: a file's records with proofs that check out
/// against the dock's and the witness's keys (here in C#, the browser test checks them in JavaScript), not in custody
/// for a file one byte off or out of scope, the per-dock overview with its refused checkpoints; access-logged, paged.
/// </summary>
public abstract class CustodyApiTests(CloudHostFixture fixture)
{
    private CloudTestHost Host => fixture.Host;

    [VariantFact]
    public async Task A_custody_record_carries_entries_and_proofs_that_verify_against_the_dock_and_witness_keys()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        var custody = seed.Custody;
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(custody.Sample)));
        using var auditor = Host.Client(seed.AuditorToken);

        var answer = await (await auditor.GetAsync($"/api/v1/custody/files/{sha256.ToUpperInvariant()}")).OkJsonAsync();
        Assert.Equal(sha256, answer.GetProperty("sha256").GetString());
        var record = Assert.Single(answer.GetProperty("records").EnumerateArray());
        Assert.Equal((custody.DockId, custody.Recorder, "B-1", "张伟"), (record.GetProperty("dockId").GetString(), record.GetProperty("recorder").GetString(),
            record.GetProperty("officerBadge").GetString(), record.GetProperty("officerName").GetString()));
        Assert.Equal((custody.DockKey, custody.WitnessKey), (record.GetProperty("dockKey").GetString(), record.GetProperty("witnessKey").GetString()));
        Assert.Equal(3, record.GetProperty("checkpointSize").GetInt64());

        var dock = NoteVerifier.Parse(custody.DockKey);
        var witness = CosignatureVerifier.Parse(custody.WitnessKey);
        foreach (var (name, index, type) in new[] { ("ingested", 0L, "\"type\":\"ingested\""), ("uploaded", 2L, "\"type\":\"uploaded\"") })
        {
            var entry = record.GetProperty(name);
            Assert.Equal(index, entry.GetProperty("index").GetInt64());
            var json = entry.GetProperty("entry").GetString()!;
            Assert.Contains(type, json, StringComparison.Ordinal);
            var proof = TlogProof.Parse(entry.GetProperty("proof").GetString()!);
            var note = SignedNote.Parse(proof.Checkpoint);
            Assert.True(note.Signatures.Any(s => dock.Verify(note.Text, s)), "the checkpoint carries the dock's signature");
            Assert.True(witness.Verify(note, out _), "the checkpoint carries the cloud's cosignature");
            var checkpoint = Checkpoint.Parse(note.Text);
            Assert.Equal(index, proof.Index);
            Assert.True(MerkleProof.VerifyInclusion(index, checkpoint.Size, MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes(json)), proof.Hashes, checkpoint.RootHash));
        }

        Assert.Contains(sha256, record.GetProperty("ingested").GetProperty("entry").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await AccessLogCountAsync("custody.file.read", $"{custody.DockId}/0"));
    }

    [VariantFact]
    public async Task A_file_one_byte_off_or_out_of_scope_is_not_in_custody_and_bad_input_names_the_field()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        var bytes = await File.ReadAllBytesAsync(seed.Custody.Sample);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        bytes[bytes.Length / 2] ^= 1;
        var tampered = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using var auditor = Host.Client(seed.AuditorToken);

        var missing = await (await auditor.GetAsync($"/api/v1/custody/files/{tampered}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"No recording with SHA-256 {tampered} is in custody in your agencies.", missing.GetProperty("detail").GetString());
        Assert.Equal(1, await AccessLogCountAsync("custody.file.lookup", tampered));
        Assert.Equal(["sha256"], (await (await auditor.GetAsync("/api/v1/custody/files/abc")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var elsewhere = Host.Client(await Host.CreateTokenAsync("auditor", seed.Beijing));
        await (await elsewhere.GetAsync($"/api/v1/custody/files/{sha256}")).ProblemAsync(HttpStatusCode.NotFound);
        using var manager = Host.Client(seed.ManagerToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/custody/files/{sha256}")).StatusCode);
    }

    [VariantFact]
    public async Task The_custody_overview_shows_each_dock_s_cosigned_size_and_refusals_filtered_paged_and_as_CSV()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        using var auditor = Host.Client(seed.AuditorToken);
        var sz = await (await auditor.GetAsync($"/api/v1/custody/docks?agency={seed.Shenzhen}")).OkJsonAsync();
        Assert.Equal(2, sz.GetProperty("total").GetInt64());
        var witnessed = sz.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("dockId").GetString() == seed.Custody.DockId);
        Assert.Equal(("refused", 3L, 3L, 1L), (witnessed.GetProperty("status").GetString(), witnessed.GetProperty("cosignedSize").GetInt64(),
            witnessed.GetProperty("storedEntries").GetInt64(), witnessed.GetProperty("refusals").GetInt64()));
        Assert.False(string.IsNullOrEmpty(witnessed.GetProperty("lastRefusalReason").GetString()));
        var never = sz.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("dockId").GetString() == seed.ShenzhenDock);
        Assert.Equal("never", never.GetProperty("status").GetString());

        var refusedOnly = await (await auditor.GetAsync("/api/v1/custody/docks?status=refused")).OkJsonAsync();
        Assert.Equal([seed.Custody.DockId], refusedOnly.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("dockId").GetString()!).ToArray());
        var page = await (await auditor.GetAsync($"/api/v1/custody/docks?agency={seed.Shenzhen}&limit=1")).OkJsonAsync();
        Assert.Equal("1", page.GetProperty("next").GetString());
        foreach (var (query, field) in new[] { ("status=fine", "status"), ("after=2&agency=" + seed.Shenzhen, "after"), ("limit=0", "limit"), ("format=xml", "format") })
        {
            Assert.Equal([field], (await (await auditor.GetAsync($"/api/v1/custody/docks?{query}")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var csv = await (await auditor.GetAsync($"/api/v1/custody/docks?agency={seed.Shenzhen}&format=csv")).CsvLinesAsync();
        Assert.StartsWith("dock_id,agency_code,site,origin,status", csv[0], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);

        var refusals = await (await auditor.GetAsync($"/api/v1/custody/docks/{seed.Custody.DockId}/rejections")).OkJsonAsync();
        var refusal = Assert.Single(refusals.GetProperty("items").EnumerateArray());
        Assert.Contains(seed.Custody.Origin, refusal.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await (await auditor.GetAsync($"/api/v1/custody/docks/{seed.Custody.DockId}/rejections?format=csv")).CsvLinesAsync()).Length);
        Assert.Equal(1, await AccessLogCountAsync("custody.rejections.read", seed.Custody.Origin));
        using var elsewhere = Host.Client(await Host.CreateTokenAsync("auditor", seed.Beijing));
        await (await elsewhere.GetAsync($"/api/v1/custody/docks/{seed.Custody.DockId}/rejections")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [VariantFact]
    public async Task The_cached_dock_tree_reads_only_new_entries_and_equals_the_tree_of_every_stored_leaf()
    {
        var seed = await ConsoleSeed.CreateAsync(Host);
        var dockId = seed.Custody.DockId;
        var cache = Host.Services.GetRequiredService<DockGateway.Cloud.Custody.DockLeafCache>();
        var store = Host.Services.GetRequiredService<DockGateway.Cloud.Witness.ICustodyEntryStore>();
        async Task<byte[]> FullRootAsync() => new MerkleTree(await store.LeafHashesAsync(dockId, CancellationToken.None)).RootHash();

        var (size, root) = await cache.WithTreeAsync(dockId, t => (t.Size, t.RootHash()), CancellationToken.None);
        Assert.Equal(3, size);
        Assert.Equal(await FullRootAsync(), root);

        // Two more entries stored after the tree was cached (written directly: only the leaf hashes matter here).
        await using (var connection = await Host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None))
        {
            foreach (var index in new[] { 3L, 4L })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO custody_entries (dock_id, entry_index, entry_json, leaf_hash, received_at) VALUES (@dockId, @index, '{}', @leaf, 0)",
                    new { dockId, index, leaf = Convert.ToHexStringLower(MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes($"extra {index}"))) });
            }
        }

        (size, root) = await cache.WithTreeAsync(dockId, t => (t.Size, t.RootHash()), CancellationToken.None);
        Assert.Equal(5, size);
        Assert.Equal(await FullRootAsync(), root);
    }

    private async Task<long> AccessLogCountAsync(string action, string resource)
    {
        await using var connection = await Host.Services.GetRequiredService<ICloudDatabase>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM access_log WHERE action = @action AND resource = @resource", new { action, resource });
    }
}

public sealed class CustodyApiTestsOnSqlite(SqliteHostFixture fixture) : CustodyApiTests(fixture), IClassFixture<SqliteHostFixture>;

[VariantNeeds(Needs.Postgres)]
public sealed class CustodyApiTestsOnPostgres(PostgresHostFixture fixture) : CustodyApiTests(fixture), IClassFixture<PostgresHostFixture>;
