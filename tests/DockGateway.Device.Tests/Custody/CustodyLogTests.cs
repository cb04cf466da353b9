using System.Text;
using DockGateway.Device.Custody;
using DockGateway.Device.Tests.Support;
using DockGateway.Shared.Custody;
using DockGateway.Shared.Merkle;
using DockGateway.Shared.Notes;
using DockGateway.Testing.Custody;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DockGateway.Device.Tests.Custody;

public class CustodyLogTests
{
    [Fact]
    public void Entries_are_canonical_json_with_type_dock_and_time()
    {
        using var dock = new TestDock();
        var record = dock.Log.Append(new ErrorEntry(1, "SN-1", "read-failed", "z\n\"q\""));
        Assert.Equal(
            "{\"detail\":\"z\\n\\\"q\\\"\",\"dock\":\"dock-7\",\"reason\":\"read-failed\",\"recorder\":\"SN-1\",\"slot\":1,\"time\":\"2026-11-20T12:00:00.000Z\",\"type\":\"error\"}",
            Encoding.UTF8.GetString(record.Json));
        Assert.Equal(MerkleHash.Leaf(record.Json), record.LeafHash);
        Assert.Equal("error", record.Type);
    }

    [Fact]
    public void The_committed_entry_is_the_one_its_bytes_decode_to_with_the_time_cut_to_milliseconds()
    {
        using var dock = new TestDock(now: new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).AddTicks(12_345_678));
        var record = dock.Log.Append(TestEntries.Inserted());

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 1, 234, TimeSpan.Zero), record.Entry.Time);
        Assert.Equal(CustodyEntryCodec.Decode(record.Json), record.Entry);
        Assert.Equal(record.Entry, dock.Log.Entries(0, 1)[0].Entry);
    }

    [Fact]
    public void Checkpoint_signature_verifies_and_its_root_matches_the_entries()
    {
        using var dock = new TestDock();
        for (var i = 0; i < 5; i++)
        {
            dock.Log.Append(TestEntries.Inserted(i));
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
        dock.Log.Append(TestEntries.Inserted(1));
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
            dock.Log.Append(TestEntries.Inserted(i));
        }

        Assert.Equal(6, dock.Log.LatestCheckpoint()!.Size);
    }

    [Fact]
    public void Tree_is_rebuilt_from_stored_leaves_after_a_restart_and_stays_consistent()
    {
        using var dock = new TestDock();
        for (var i = 0; i < 6; i++)
        {
            dock.Log.Append(TestEntries.Inserted(i));
        }

        var old = dock.Log.SignCheckpoint()!;
        dock.Restart();
        Assert.Equal(6, dock.Log.Size);
        dock.Log.Append(TestEntries.Removed(7));
        var next = dock.Log.SignCheckpoint()!;
        var proof = dock.Log.ConsistencyProof(old.Size, next.Size);
        Assert.True(MerkleProof.VerifyConsistency(old.Size, next.Size, old.RootHash, next.RootHash, proof));
    }

    [Fact]
    public void A_tampered_entry_stops_the_log_from_opening()
    {
        using var dock = new TestDock();
        dock.Log.Append(TestEntries.Inserted(1));
        dock.Log.Append(TestEntries.Inserted(2));
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
        dock.Log.Append(TestEntries.Inserted(1));
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
