using Microsoft.Data.Sqlite;

namespace DockGateway.Device.Custody;

// The custody store's reads and writes; the schema is in CustodyStore.cs.
public sealed partial class CustodyStore
{
    public long EntryCount()
    {
        using var command = Command("SELECT COUNT(*) FROM entries");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Entries with index in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public IEnumerable<CustodyRecord> Entries(long from, long to)
    {
        using var command = Command("SELECT idx, type, json, leaf FROM entries WHERE idx >= $from AND idx < $to ORDER BY idx", ("$from", from), ("$to", to));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new CustodyRecord(reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], (byte[])reader[3]);
        }
    }

    /// <summary>Entries of <paramref name="type"/> with index in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public IEnumerable<CustodyRecord> Entries(string type, long from, long to)
    {
        using var command = Command("SELECT idx, type, json, leaf FROM entries WHERE idx >= $from AND idx < $to AND type = $type ORDER BY idx",
            ("$from", from), ("$to", to), ("$type", type));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new CustodyRecord(reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], (byte[])reader[3]);
        }
    }

    /// <summary>Appends one entry and its bookkeeping in a single durable transaction.</summary>
    public void Append(CustodyRecord record, IngestedFile? ingested = null, long? erasesIngestedIndex = null)
    {
        using var transaction = _connection.BeginTransaction();
        using (var insert = Command("INSERT INTO entries(idx, type, json, leaf) VALUES ($idx, $type, $json, $leaf)",
            ("$idx", record.Index), ("$type", record.Type), ("$json", record.Json), ("$leaf", record.LeafHash)))
        {
            insert.ExecuteNonQuery();
        }

        if (ingested is not null)
        {
            using var file = Command("INSERT INTO ingested_files(entry_index, sha256, size, recorder, path, stored) VALUES ($i, $sha, $size, $rec, $path, $stored)",
                ("$i", record.Index), ("$sha", ingested.Sha256), ("$size", ingested.Size), ("$rec", ingested.Recorder), ("$path", ingested.PathBytes), ("$stored", ingested.Stored));
            file.ExecuteNonQuery();
        }

        if (erasesIngestedIndex is { } ingestedIndex)
        {
            using var erased = Command("UPDATE ingested_files SET erased_index = $idx WHERE entry_index = $i", ("$idx", record.Index), ("$i", ingestedIndex));
            erased.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The first ingested file with this SHA-256, or null.</summary>
    public IngestedFile? FindIngested(string sha256) =>
        IngestedFiles("WHERE sha256 = $a ORDER BY entry_index LIMIT 1", sha256).FirstOrDefault();

    /// <summary>Ingested files of a recorder not yet erased from it (what a crash may have left).</summary>
    public IReadOnlyList<IngestedFile> PendingErasures(string recorder) =>
        IngestedFiles("WHERE recorder = $a AND erased_index IS NULL ORDER BY entry_index", recorder).ToList();

    /// <summary>Every ingested file, in log order.</summary>
    public IReadOnlyList<IngestedFile> AllIngested() => IngestedFiles("WHERE $a IS NOT NULL ORDER BY entry_index", string.Empty).ToList();

    public StoredCheckpoint? LatestCheckpoint() => Checkpoints("ORDER BY size DESC LIMIT 1").FirstOrDefault();

    public StoredCheckpoint? CheckpointAt(long size) => Checkpoints("WHERE size = $size", size).FirstOrDefault();

    public IReadOnlyList<StoredCheckpoint> AllCheckpoints() => Checkpoints("ORDER BY size").ToList();

    /// <summary>Stores a signed checkpoint. Fails (unique size) rather than keep two notes for one size.</summary>
    public void AddCheckpoint(StoredCheckpoint checkpoint)
    {
        using var command = Command("INSERT INTO checkpoints(size, root, note, signed_at) VALUES ($size, $root, $note, $at)",
            ("$size", checkpoint.Size), ("$root", checkpoint.RootHash), ("$note", checkpoint.Note), ("$at", checkpoint.SignedAt));
        command.ExecuteNonQuery();
    }

    /// <summary>Keeps the witness-cosigned form of the checkpoint of this size.</summary>
    public void SetCosignedNote(long size, string cosignedNote)
    {
        using var command = Command("UPDATE checkpoints SET cosigned_note = $note WHERE size = $size", ("$note", cosignedNote), ("$size", size));
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"no checkpoint of size {size} to attach a cosignature to");
        }
    }

    /// <summary>Records a verifier key string (role "dock" or "witness") for auditor exports.</summary>
    public void AddVerifierKey(string key, string role)
    {
        using var command = Command("INSERT OR IGNORE INTO verifier_keys(key, role) VALUES ($k, $r)", ("$k", key), ("$r", role));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<string> VerifierKeys()
    {
        using var command = Command("SELECT key FROM verifier_keys ORDER BY role, key");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private IEnumerable<IngestedFile> IngestedFiles(string where, string argument)
    {
        using var command = Command($"SELECT entry_index, sha256, size, recorder, path, stored, erased_index FROM ingested_files {where}", ("$a", argument));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new IngestedFile(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                (byte[])reader[4], reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6));
        }
    }

    private IEnumerable<StoredCheckpoint> Checkpoints(string tail, long size = 0)
    {
        using var command = Command($"SELECT size, root, note, cosigned_note, signed_at FROM checkpoints {tail}", ("$size", size));
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredCheckpoint(reader.GetInt64(0), (byte[])reader[1], reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
        }
    }
}
