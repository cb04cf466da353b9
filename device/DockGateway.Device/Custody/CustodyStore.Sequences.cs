using DockGateway.Shared.Custody;

namespace DockGateway.Device.Custody;

// The recorders table: how far each recorder's file numbering has been checked for gaps.
public sealed partial class CustodyStore
{
    /// <summary>
    /// The recorder's last decided sequence number and what the log named about it since (see
    /// <see cref="RecorderHistory"/>); read through the index entries_recorder, so a dock with a long log
    /// reads only this recorder's entries.
    /// </summary>
    public RecorderHistory RecorderHistory(string recorder)
    {
        long? last = null;
        long from = 0;
        using (var command = Command("SELECT last_sequence, decided_through FROM recorders WHERE serial = $s", ("$s", recorder)))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                last = reader.IsDBNull(0) ? null : reader.GetInt64(0);
                from = reader.GetInt64(1);
            }
        }

        var paths = new List<string>();
        var gaps = new List<(long Previous, long Next)>();
        using (var command = Command("""
            SELECT idx, type, json, leaf FROM entries
            WHERE json_extract(CAST(json AS TEXT), '$.recorder') = $s AND idx >= $from
            ORDER BY idx
            """, ("$from", from), ("$s", recorder)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var record = new CustodyRecord(reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], (byte[])reader[3]);
                switch (record.Entry)
                {
                    case GapEntry gap:
                        gaps.Add((gap.Previous, gap.Next));
                        break;
                    case IRecorderFileEntry { Path: { } path }:
                        paths.Add(path);
                        break;
                }
            }
        }

        return new RecorderHistory(last, EntryCount(), paths, gaps);
    }

    /// <summary>Records that the recorder's numbering is decided up to <paramref name="lastSequence"/>, from the log's first <paramref name="logSize"/> entries.</summary>
    public void DecideSequences(string recorder, long? lastSequence, long logSize)
    {
        using var command = Command("""
            INSERT INTO recorders(serial, last_sequence, decided_through) VALUES ($s, $n, $t)
            ON CONFLICT(serial) DO UPDATE SET last_sequence = $n, decided_through = $t
            """, ("$s", recorder), ("$n", lastSequence), ("$t", logSize));
        command.ExecuteNonQuery();
    }

    /// <summary>Databases made before decided_through existed get it (0: their first decision reads the whole log).</summary>
    private void AddDecidedThrough()
    {
        using var command = Command("SELECT COUNT(*) FROM pragma_table_info('recorders') WHERE name = 'decided_through'");
        if ((long)command.ExecuteScalar()! == 0)
        {
            Execute("ALTER TABLE recorders ADD COLUMN decided_through INTEGER NOT NULL DEFAULT 0;");
        }
    }
}
