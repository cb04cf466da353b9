using System.Text;
using System.Text.Json.Nodes;
using DockGateway.Device.Custody;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DockGateway.Device.Tests.Custody;

public class CustodyLogTests
{
    private static JsonObject Entry(string type, int n) => new() { ["type"] = type, ["n"] = n, ["slot"] = 1 };

    [Fact]
    public void Entries_are_canonical_json_with_type_dock_and_time()
    {
        using var dock = new TestDock();
        var record = dock.Log.Append(new JsonObject { ["type"] = "inserted", ["zeta"] = "z\n\"q\"", ["alpha"] = 1, ["late"] = false });
        Assert.Equal(
            "{\"alpha\":1,\"dock\":\"dock-7\",\"late\":false,\"time\":\"2026-11-20T12:00:00.000Z\",\"type\":\"inserted\",\"zeta\":\"z\\n\\\"q\\\"\"}",
            Encoding.UTF8.GetString(record.Json));
        Assert.Equal(MerkleHash.Leaf(record.Json), record.LeafHash);
    }

    [Fact]
    public void Entry_values_other_than_strings_integers_and_booleans_are_rejected()
    {
        using var dock = new TestDock();
        Assert.Throws<ArgumentException>(() => dock.Log.Append(new JsonObject { ["type"] = "error", ["ratio"] = 0.5 }));
        Assert.Throws<ArgumentException>(() => dock.Log.Append(new JsonObject { ["type"] = "error", ["list"] = new JsonArray() }));
        Assert.Equal(0, dock.Log.Size);
    }

    [Fact]
    public void Checkpoint_signature_verifies_and_its_root_matches_the_entries()
    {
        using var dock = new TestDock();
        for (var i = 0; i < 5; i++)
        {
            dock.Log.Append(Entry("inserted", i));
        }

        var checkpoint = dock.Log.SignCheckpoint()!;
        var verifier = NoteVerifier.Parse(dock.Log.VerifierKey);
        var note = NoteVerification.Open(checkpoint.Note, [verifier]);
        var body = Checkpoint.Parse(note.Text);
        Assert.Equal("testagency.dockgateway/dock-7", body.Origin);
        Assert.Equal("testagency.dockgateway/dock-7", verifier.Name);
        Assert.Equal(5, body.Size);
        var recomputed = new MerkleTree(dock.Log.Entries(0, 5).Select(r => MerkleHash.Leaf(r.Json)));
        Assert.Equal(recomputed.RootHash(), body.RootHash);
    }

    [Fact]
    public void No_checkpoint_is_signed_twice_for_one_size_and_the_store_refuses_a_second_root()
    {
        using var dock = new TestDock();
        dock.Log.Append(Entry("inserted", 1));
        var first = dock.Log.SignCheckpoint();
        Assert.NotNull(first);
        Assert.Null(dock.Log.SignCheckpoint());

        using var store = CustodyStore.Open(dock.DataDirectory);
        var forged = first! with { RootHash = new byte[32], Note = "forged" };
        Assert.Throws<SqliteException>(() => store.AddCheckpoint(forged));
    }

    [Fact]
    public void A_checkpoint_is_signed_after_every_N_entries()
    {
        using var dock = new TestDock(new() { ["Dock:CheckpointEvery"] = "3" });
        for (var i = 0; i < 7; i++)
        {
            dock.Log.Append(Entry("inserted", i));
        }

        Assert.Equal(6, dock.Log.LatestCheckpoint()!.Size);
    }

    [Fact]
    public void Tree_is_rebuilt_from_stored_leaves_after_a_restart_and_stays_consistent()
    {
        using var dock = new TestDock();
        for (var i = 0; i < 6; i++)
        {
            dock.Log.Append(Entry("inserted", i));
        }

        var old = dock.Log.SignCheckpoint()!;
        dock.Restart();
        Assert.Equal(6, dock.Log.Size);
        dock.Log.Append(Entry("removed", 7));
        var next = dock.Log.SignCheckpoint()!;
        var proof = dock.Log.ConsistencyProof(old.Size, next.Size);
        Assert.True(MerkleProof.VerifyConsistency(old.Size, next.Size, old.RootHash, next.RootHash, proof));
    }

    [Fact]
    public void A_tampered_entry_stops_the_log_from_opening()
    {
        using var dock = new TestDock();
        dock.Log.Append(Entry("inserted", 1));
        dock.Log.Append(Entry("inserted", 2));
        dock.Restart();
        using (var connection = new SqliteConnection($"Data Source={CustodyStore.PathIn(dock.DataDirectory)};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entries SET json = CAST('{\"type\":\"erased\"}' AS BLOB) WHERE idx = 1";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            dock.Restart();
            _ = dock.Log;
        });
        Assert.Contains("entry 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observers_see_each_committed_entry_and_checkpoint()
    {
        var observer = new RecordingObserver();
        using var dock = new TestDock();
        dock.AddObserver(observer);
        dock.Log.Append(Entry("inserted", 1));
        dock.Log.SignCheckpoint();
        Assert.Equal([0L], observer.Entries.Select(e => e.Index));
        Assert.Equal([1L], observer.Checkpoints.Select(c => c.Size));
    }

    private sealed class RecordingObserver : ICustodyObserver
    {
        public List<CustodyRecord> Entries { get; } = [];

        public List<StoredCheckpoint> Checkpoints { get; } = [];

        public void EntryAppended(CustodyRecord record) => Entries.Add(record);

        public void CheckpointSigned(StoredCheckpoint checkpoint) => Checkpoints.Add(checkpoint);
    }
}
