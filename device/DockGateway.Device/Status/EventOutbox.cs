using System.Globalization;
using System.Threading.Channels;
using DockGateway.Device.Storage;
using Microsoft.Data.Sqlite;

namespace DockGateway.Device.Status;

/// <summary>
/// Durable store-and-forward for dock events: <c>outbox.db</c> (SQLite, WAL, synchronous=FULL) in the
/// dock's data directory. An event is committed here first; <see cref="OutboxPublisher"/> publishes it
/// and marks it sent only after the broker's PUBACK, so a broker outage or a crash loses none.
/// Appends with a key already present are ignored, so replays do not duplicate events.
/// </summary>
public sealed class EventOutbox : IQueueLength, IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly string _agency;
    private readonly string _dockId;
    private readonly Channel<bool> _appended = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public EventOutbox(string path, string agency, string dockId, TimeProvider time)
    {
        _time = time;
        _agency = agency;
        _dockId = dockId;
        _db = DurableSqlite.Open(path);
        Execute("""
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                payload BLOB NOT NULL,
                created_at TEXT NOT NULL,
                sent_at TEXT NULL);
            CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox(id) WHERE sent_at IS NULL;
            """);
    }

    /// <summary>The service's outbox: <c>outbox.db</c> in Dock:DataDirectory, events stamped with Dock:Agency and Dock:DockId.</summary>
    public EventOutbox(DockStatusOptions options, TimeProvider time)
        : this(options.OutboxPath, options.Agency, options.DockId, time)
    {
    }

    public string QueueName => "events";

    /// <summary>Events not yet acknowledged by the broker.</summary>
    public long QueueLength
    {
        get
        {
            lock (_gate)
            {
                using var command = Command("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
                return (long)command.ExecuteScalar()!;
            }
        }
    }

    /// <summary>Commits the events (one transaction) and wakes the publisher; returns how many were new.</summary>
    public int Append(IEnumerable<DockEvent> events)
    {
        var added = 0;
        lock (_gate)
        {
            using var transaction = _db.BeginTransaction();
            using var command = Command("INSERT OR IGNORE INTO outbox (key, kind, payload, created_at) VALUES ($key, $kind, $payload, $created)");
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var kind = command.Parameters.Add("$kind", SqliteType.Text);
            var payload = command.Parameters.Add("$payload", SqliteType.Blob);
            command.Parameters.AddWithValue("$created", StatusJson.Time(_time.GetUtcNow()));
            command.Transaction = transaction;
            foreach (var e in events)
            {
                key.Value = e.Key;
                kind.Value = StatusJson.KindName(e.Kind);
                payload.Value = StatusJson.Event(e, _agency, _dockId);
                added += command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _appended.Writer.TryWrite(true);
        return added;
    }

    public bool Append(DockEvent e) => Append([e]) == 1;

    /// <summary>Unsent events with an id above <paramref name="afterId"/>, oldest first.</summary>
    public IReadOnlyList<OutboxRecord> ReadUnsent(long afterId, int limit)
    {
        lock (_gate)
        {
            using var command = Command("SELECT id, key, payload FROM outbox WHERE sent_at IS NULL AND id > $after ORDER BY id LIMIT $limit");
            command.Parameters.AddWithValue("$after", afterId);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var records = new List<OutboxRecord>();
            while (reader.Read())
            {
                records.Add(new OutboxRecord(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }

            return records;
        }
    }

    /// <summary>Marks events acknowledged by the broker.</summary>
    public void MarkSent(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var transaction = _db.BeginTransaction();
            using var command = Command("UPDATE outbox SET sent_at = $now WHERE id = $id AND sent_at IS NULL");
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$now", StatusJson.Time(_time.GetUtcNow()));
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            foreach (var value in ids)
            {
                id.Value = value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>
    /// Deletes sent events older than <paramref name="age"/>. Unsent ones are never deleted, nor is the
    /// newest custody event (it marks where <see cref="HighestCustodyIndex"/> resumes).
    /// </summary>
    public int PruneSent(TimeSpan age)
    {
        lock (_gate)
        {
            using var command = Command("""
                DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $before
                AND id <> (SELECT id FROM outbox WHERE key LIKE 'custody:%' ORDER BY CAST(substr(key, 9) AS INTEGER) DESC LIMIT 1)
                """);
            command.Parameters.AddWithValue("$before", StatusJson.Time(_time.GetUtcNow() - age));
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>The highest custody index already mirrored as an event (-1 when none): where a replay resumes.</summary>
    public long HighestCustodyIndex()
    {
        lock (_gate)
        {
            using var command = Command("SELECT COALESCE(MAX(CAST(substr(key, 9) AS INTEGER)), -1) FROM outbox WHERE key LIKE 'custody:%'");
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Completes after the next append (or at once if one happened since the last wait).</summary>
    public async Task WaitForAppendAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _appended.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller polls again.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
